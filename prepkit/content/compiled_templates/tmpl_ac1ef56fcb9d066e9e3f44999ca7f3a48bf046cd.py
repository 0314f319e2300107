from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/about.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    l_0_diagnosis = resolve('diagnosis')
    l_0_catalog = resolve('catalog')
    l_0_yes_no = l_0_dx = missing
    try:
        t_1 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    pass
    included_template = environment.get_template('worksheet/macros.xml.j2', 'worksheet/about.xml.j2')._get_default_module(context)
    l_0_yes_no = getattr(included_template, 'yes_no', missing)
    if l_0_yes_no is missing:
        l_0_yes_no = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'worksheet/about.xml.j2') does not export the requested name 'yes_no'", name='yes_no')
    context.vars['yes_no'] = l_0_yes_no
    context.exported_vars.discard('yes_no')
    l_0_dx = environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'diagnosis')
    context.vars['dx'] = l_0_dx
    context.exported_vars.add('dx')
    yield '<section id="about" title="About me and my diagnosis">\n<fields kind="fields">\n  <field label="Date of birth">'
    yield escape(t_1(environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'patient'), 'date_of_birth')))
    yield '</field>\n  <field label="Diagnosis so far">'
    if (undefined(name='diagnosis') if l_0_diagnosis is missing else l_0_diagnosis):
        pass
        yield '<b>'
        yield escape(environment.getattr((undefined(name='diagnosis') if l_0_diagnosis is missing else l_0_diagnosis), 'name'))
        yield '</b><br/>'
        yield escape(environment.getattr((undefined(name='diagnosis') if l_0_diagnosis is missing else l_0_diagnosis), 'summary'))
    yield '</field>\n  <field label="When diagnosed">'
    yield escape(environment.getattr((undefined(name='dx') if l_0_dx is missing else l_0_dx), 'diagnosed'))
    yield '</field>\n  <field label="I carry epinephrine">'
    yield escape(context.call((undefined(name='yes_no') if l_0_yes_no is missing else l_0_yes_no), environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'carries_epinephrine')))
    yield '</field>\n</fields>\n'
    if (not (undefined(name='diagnosis') if l_0_diagnosis is missing else l_0_diagnosis)):
        pass
        yield '<hint>If you know your diagnosis, tick it:</hint>\n<checklist kind="checklist">\n'
        for l_1_item in context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'diagnoses')):
            l_1_box = resolve('box')
            _loop_vars = {}
            pass
            yield '  <item>'
            yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), False, _loop_vars=_loop_vars))
            yield ' '
            yield escape(environment.getattr(l_1_item, 'name'))
            yield '</item>\n'
        l_1_item = l_1_box = missing
        yield '</checklist>\n'
    yield '</section>'

blocks = {}
debug_info = '1=21&2=27&5=31&6=33&7=40&8=42&10=44&13=47&14=52'