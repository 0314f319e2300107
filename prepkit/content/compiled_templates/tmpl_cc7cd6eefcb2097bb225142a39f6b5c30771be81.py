from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/triggers.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_box = resolve('box')
    l_0_triggers = resolve('triggers')
    pass
    yield '<section id="triggers" title="Triggers I have noticed">\n<hint>'
    yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'explain'), 'triggers-differ'))
    yield ' '
    yield escape(context.call((undefined(name='box') if l_0_box is missing else l_0_box), True))
    yield ' = I have noticed this sets off my symptoms.</hint>\n<checklist kind="checklist">\n'
    for l_1_item in (undefined(name='triggers') if l_0_triggers is missing else l_0_triggers):
        _loop_vars = {}
        pass
        yield '  <item>'
        yield escape(context.call((undefined(name='box') if l_0_box is missing else l_0_box), environment.getattr(l_1_item, 'checked'), _loop_vars=_loop_vars))
        yield ' '
        yield escape(environment.getattr(l_1_item, 'name'))
        yield '</item>\n'
    l_1_item = missing
    yield '  <item>'
    yield escape(context.call((undefined(name='box') if l_0_box is missing else l_0_box), False))
    yield ' Other: ____________________</item>\n  <item>'
    yield escape(context.call((undefined(name='box') if l_0_box is missing else l_0_box), False))
    yield ' Other: ____________________</item>\n</checklist>\n</section>'

blocks = {}
debug_info = '2=15&4=19&5=23&7=29&8=31'