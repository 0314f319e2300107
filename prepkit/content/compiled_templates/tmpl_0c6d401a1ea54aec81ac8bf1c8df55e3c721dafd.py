from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/macros.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_yes_no = missing
    try:
        t_1 = environment.tests['false']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'false' found.")
    try:
        t_2 = environment.tests['true']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'true' found.")
    pass
    def macro(l_1_value):
        t_3 = []
        l_1_box = resolve('box')
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        pass
        if t_2(l_1_value):
            pass
            t_3.append(
                'Yes',
            )
        elif t_1(l_1_value):
            pass
            t_3.append(
                'No',
            )
        else:
            pass
            t_3.extend((
                escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), False)),
                ' Yes&#160;&#160;&#160;&#160;',
                escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), False)),
                ' No',
            ))
        return concat(t_3)
    context.exported_vars.add('yes_no')
    context.vars['yes_no'] = l_0_yes_no = Macro(environment, macro, 'yes_no', ('value',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=24'