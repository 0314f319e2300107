from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/header.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    l_0_box = resolve('box')
    l_0_visit = missing
    try:
        t_1 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    try:
        t_2 = environment.filters['multiline']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'multiline' found.")
    pass
    l_0_visit = environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'visit')
    context.vars['visit'] = l_0_visit
    context.exported_vars.add('visit')
    yield '<title>Visit preparation worksheet'
    if environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'patient'), 'name'):
        pass
        yield ': '
        yield escape(environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'patient'), 'name'))
    yield '</title>\n<subtitle>For a visit about systemic mastocytosis (SM). Bring this to the appointment, hand it over or read from it, and write the answers down as you go.</subtitle>\n<fields kind="fields">\n  <field label="Name">'
    yield escape(environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'patient'), 'name'))
    yield '</field>\n  <field label="Visit date">'
    yield escape(t_1(environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'date')))
    yield '</field>\n  <field label="Provider">'
    yield escape(environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'provider'))
    yield '</field>\n  <field label="Clinic">'
    yield escape(environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'clinic'))
    yield '</field>\n  <field label="Type of visit">'
    if (environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'mode') == 'in-person'):
        pass
        yield 'In person'
    elif (environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'mode') == 'virtual'):
        pass
        yield 'Virtual (video or phone)'
    else:
        pass
        yield escape(context.call((undefined(name='box') if l_0_box is missing else l_0_box), False))
        yield ' In person&#160;&#160;&#160;&#160;'
        yield escape(context.call((undefined(name='box') if l_0_box is missing else l_0_box), False))
        yield ' Virtual'
    if environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'kind'):
        pass
        yield '<br/>'
        yield escape(('Follow-up visit' if (environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'kind') == 'follow-up') else 'First visit'))
    yield '</field>\n  <field label="Reason for the visit">'
    yield escape(t_2(environment.getattr((undefined(name='visit') if l_0_visit is missing else l_0_visit), 'reason')))
    yield '</field>\n</fields>'

blocks = {}
debug_info = '1=26&2=30&5=35&6=37&7=39&8=41&9=43&10=60'