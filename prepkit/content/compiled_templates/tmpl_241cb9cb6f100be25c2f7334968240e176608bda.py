from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'card/front.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    l_0_condition = resolve('condition')
    l_0_catalog = resolve('catalog')
    l_0_emergency_number = resolve('emergency_number')
    l_0_contact = l_0_blank = missing
    try:
        t_1 = environment.filters['nobreak']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'nobreak' found.")
    try:
        t_2 = environment.tests['false']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'false' found.")
    try:
        t_3 = environment.tests['true']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'true' found.")
    pass
    l_0_contact = environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_contact')
    context.vars['contact'] = l_0_contact
    context.exported_vars.add('contact')
    l_0_blank = '____________________'
    context.vars['blank'] = l_0_blank
    context.exported_vars.add('blank')
    yield '<card>\n'
    if (undefined(name='condition') if l_0_condition is missing else l_0_condition):
        pass
        yield '<p style="card_title" section="condition">'
        yield escape((undefined(name='condition') if l_0_condition is missing else l_0_condition))
        yield '</p>\n<p style="card_alert" section="condition">'
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
    if t_3(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'carries_epinephrine')):
        pass
        yield '<p style="card_body" section="epinephrine"><b>'
        yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_text'), 'carry-epinephrine'))
        yield '</b></p>\n'
    elif t_2(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'carries_epinephrine')):
        pass
        yield '<p style="card_body" section="epinephrine">I do not carry epinephrine.</p>\n'
    yield '<p style="card_body" section="what to do"><b>'
    yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_text'), 'emergency-room'))
    yield '</b></p>\n<p style="card_body" section="what to do"><b>Emergency number:</b> '
    if (undefined(name='emergency_number') if l_0_emergency_number is missing else l_0_emergency_number):
        pass
        yield '<b>'
        yield escape(t_1((undefined(name='emergency_number') if l_0_emergency_number is missing else l_0_emergency_number)))
        yield '</b>'
    else:
        pass
        yield '__________'
    yield '</p>\n<p style="card_body" section="emergency contact"><b>Emergency contact:</b> '
    if environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'name'):
        pass
        yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'name'))
        if environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'relation'):
            pass
            yield ' ('
            yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'relation'))
            yield ')'
        yield ' '
        yield escape(t_1(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'phone')))
    else:
        pass
        yield escape((undefined(name='blank') if l_0_blank is missing else l_0_blank))
    yield '</p>\n</card>'

blocks = {}
debug_info = '7=34&8=37&10=41&11=44&12=46&14=51&16=54&17=56&18=59&19=61&22=65&24=67&25=76'