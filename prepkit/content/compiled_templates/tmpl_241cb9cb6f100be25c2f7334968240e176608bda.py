from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'card/front.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_condition = resolve('condition')
    l_0_suspected = resolve('suspected')
    l_0_catalog = resolve('catalog')
    l_0_profile = resolve('profile')
    l_0_blank = missing
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
    l_0_blank = '____________________'
    context.vars['blank'] = l_0_blank
    context.exported_vars.add('blank')
    yield '<card>\n'
    if (undefined(name='condition') if l_0_condition is missing else l_0_condition):
        pass
        yield '<p style="card_title" section="condition">'
        yield escape((undefined(name='condition') if l_0_condition is missing else l_0_condition))
        yield '</p>\n'
        if (undefined(name='suspected') if l_0_suspected is missing else l_0_suspected):
            pass
            yield '<p style="card_alert" section="condition">'
            yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_text'), 'risk-in-sm'))
            yield '</p>\n'
        else:
            pass
            yield '<p style="card_alert" section="condition">'
            yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_text'), 'risk'))
            yield '</p>\n'
    else:
        pass
        yield '<p style="card_body" section="condition"><b>Condition:</b> '
        yield escape((undefined(name='blank') if l_0_blank is missing else l_0_blank))
        yield '</p>\n'
    yield '<p style="card_body" section="name"><b>Name:</b> '
    yield escape((environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'patient'), 'name') or (undefined(name='blank') if l_0_blank is missing else l_0_blank)))
    yield '</p>\n'
    if t_2(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'carries_epinephrine')):
        pass
        yield '<p style="card_body" section="epinephrine"><b>'
        yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_text'), 'carry-epinephrine'))
        yield '</b></p>\n'
    elif t_1(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'carries_epinephrine')):
        pass
        yield '<p style="card_body" section="epinephrine">I do not carry epinephrine.</p>\n'
    yield '</card>'

blocks = {}
debug_info = '9=28&11=32&12=35&13=37&15=40&17=45&20=50&22=53&23=55&24=58&25=60'