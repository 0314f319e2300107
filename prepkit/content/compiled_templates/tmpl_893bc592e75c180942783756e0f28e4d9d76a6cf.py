from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/care.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    l_0_contact = missing
    pass
    l_0_contact = environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_contact')
    context.vars['contact'] = l_0_contact
    context.exported_vars.add('contact')
    yield '<section id="care-team" title="My care team and emergency contact">\n<table kind="care_team" blank-rows="'
    yield escape((1 if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'care_team') else 3))
    yield '">\n  <head><c>Name</c><c>Role</c><c>Phone</c></head>\n'
    for l_1_member in environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'care_team'):
        _loop_vars = {}
        pass
        yield '  <row><c>'
        yield escape(environment.getattr(l_1_member, 'name'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_member, 'role'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_member, 'phone'))
        yield '</c></row>\n'
    l_1_member = missing
    yield '</table>\n<fields kind="fields">\n  <field label="Emergency contact">'
    yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'name'))
    yield '</field>\n  <field label="Relation to me">'
    yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'relation'))
    yield '</field>\n  <field label="Phone">'
    yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'phone'))
    yield '</field>\n  <field label="Emergency number">'
    yield escape(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_number'))
    yield '</field>\n</fields>\n</section>'

blocks = {}
debug_info = '1=13&3=17&5=19&6=23&10=31&11=33&12=35&13=37'