from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'card/flow.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    l_0_emergency_number = resolve('emergency_number')
    l_0_epinephrine_kept = resolve('epinephrine_kept')
    l_0_tryptase = resolve('tryptase')
    l_0_condition = resolve('condition')
    l_0_catalog = resolve('catalog')
    l_0_triggers = resolve('triggers')
    l_0_medications = resolve('medications')
    l_0_care_contact = resolve('care_contact')
    l_0_prepared = resolve('prepared')
    l_0_contact = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    try:
        t_3 = environment.filters['nobreak']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'nobreak' found.")
    pass
    yield '<flow>\n<section name="medications to avoid" count="'
    yield escape(t_1(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'avoid')))
    yield '"'
    if (not environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'avoid')):
        pass
        yield ' together="yes"'
    yield '>\n<heading style="card_heading">DO NOT GIVE (drug: my reaction)</heading>\n<continued style="card_heading">DO NOT GIVE (continued)</continued>\n'
    t_4 = 1
    for l_1_item in environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'avoid'):
        _loop_vars = {}
        pass
        yield '<item style="card_item">• <b>'
        yield escape(environment.getattr(l_1_item, 'name'))
        yield '</b>'
        if environment.getattr(l_1_item, 'reaction'):
            pass
            yield ': '
            yield escape(environment.getattr(l_1_item, 'reaction'))
        yield '</item>\n'
        t_4 = 0
    l_1_item = missing
    if t_4:
        pass
        yield '<item style="card_item">• ______________________________</item>\n<item style="card_item">• ______________________________</item>\n'
    yield '</section>\n'
    l_0_contact = environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_contact')
    context.vars['contact'] = l_0_contact
    context.exported_vars.add('contact')
    yield '<section name="emergency contact" together="yes">\n<item style="card_body"><b>Emergency number:</b> '
    if (undefined(name='emergency_number') if l_0_emergency_number is missing else l_0_emergency_number):
        pass
        yield '<b>'
        yield escape(t_3((undefined(name='emergency_number') if l_0_emergency_number is missing else l_0_emergency_number)))
        yield '</b>'
    else:
        pass
        yield '__________'
    yield '</item>\n<item style="card_body"><b>Emergency contact:</b> '
    if environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'name'):
        pass
        yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'name'))
        if environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'relation'):
            pass
            yield ' ('
            yield escape(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'relation'))
            yield ')'
        yield ' '
        yield escape(t_3(environment.getattr((undefined(name='contact') if l_0_contact is missing else l_0_contact), 'phone')))
    else:
        pass
        yield '____________________'
    yield '</item>\n</section>\n'
    if ((environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'weight') or (undefined(name='epinephrine_kept') if l_0_epinephrine_kept is missing else l_0_epinephrine_kept)) or (undefined(name='tryptase') if l_0_tryptase is missing else l_0_tryptase)):
        pass
        yield '<section name="plan facts" together="yes">\n'
        if (undefined(name='epinephrine_kept') if l_0_epinephrine_kept is missing else l_0_epinephrine_kept):
            pass
            yield '<item style="card_body"><b>Epinephrine kept:</b> '
            yield escape((undefined(name='epinephrine_kept') if l_0_epinephrine_kept is missing else l_0_epinephrine_kept))
            yield '</item>\n'
        if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'weight'):
            pass
            yield '<item style="card_body"><b>Weight:</b> '
            yield escape(t_3(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'weight')))
            yield '</item>\n'
        if (undefined(name='tryptase') if l_0_tryptase is missing else l_0_tryptase):
            pass
            yield '<item style="card_body"><b>Latest tryptase:</b> '
            yield escape(t_3(environment.getattr((undefined(name='tryptase') if l_0_tryptase is missing else l_0_tryptase), 'value')))
            if environment.getattr((undefined(name='tryptase') if l_0_tryptase is missing else l_0_tryptase), 'date'):
                pass
                yield ' ('
                yield escape(environment.getattr((undefined(name='tryptase') if l_0_tryptase is missing else l_0_tryptase), 'date'))
                yield ')'
            yield '</item>\n'
        yield '</section>\n'
    if (undefined(name='condition') if l_0_condition is missing else l_0_condition):
        pass
        yield '<section name="what to do" together="yes">\n<item style="card_body"><b>'
        yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_text'), 'emergency-room'))
        yield '</b></item>\n</section>\n'
    if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps'):
        pass
        yield '<section name="emergency steps" together="yes">\n<item style="card_body"><b>My care team\'s steps for a severe reaction'
        if (environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps_by') or environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps_on')):
            pass
            yield ' (from '
            yield escape((environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps_by') or 'my care team'))
            if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps_on'):
                pass
                yield ', '
                yield escape(t_2(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps_on')))
            yield ')'
        yield ':</b> '
        yield escape(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps'))
        if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'plan_review'):
            pass
            yield ' <b>Review by '
            yield escape(t_2(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'plan_review')))
            yield '.</b>'
        yield '</item>\n</section>\n'
    yield '<pointer where="back" when="continues" style="card_alert">{more} more on the back ({total} in all)</pointer>\n<pointer where="inside" when="continues" style="card_alert">Unfold for all {total} ({more} more)</pointer>\n<pointer where="back" when="none-here" style="card_alert">DO NOT GIVE: a list of {total}, on the back</pointer>\n<pointer where="inside" when="none-here" style="card_alert">DO NOT GIVE: a list of {total} inside: unfold</pointer>\n<pointer where="inside" when="all-here" style="card_alert">Fold-out card: unfold for all {faces} panels</pointer>\n<pointer where="cards" when="continues" style="card_alert">{more} more on the back and the next cards ({total} in all)</pointer>\n<pointer where="cards" when="none-here" style="card_alert">DO NOT GIVE: a list of {total}, on the back and the next cards</pointer>\n<pointer where="cards" when="all-here" style="card_alert">More on the back and on the next cards</pointer>\n'
    if (undefined(name='triggers') if l_0_triggers is missing else l_0_triggers):
        pass
        yield '<section name="triggers" join="; ">\n<lead style="card_body"><b>My triggers:</b></lead>\n<continued style="card_body"><b>My triggers (continued):</b></continued>\n'
        for l_1_trigger in (undefined(name='triggers') if l_0_triggers is missing else l_0_triggers):
            _loop_vars = {}
            pass
            yield '<item>'
            yield escape(l_1_trigger)
            yield '</item>\n'
        l_1_trigger = missing
        yield '</section>\n'
    if (undefined(name='medications') if l_0_medications is missing else l_0_medications):
        pass
        yield '<section name="current medications" join="; ">\n<lead style="card_body"><b>I take:</b></lead>\n<continued style="card_body"><b>I take (continued):</b></continued>\n'
        for l_1_med in (undefined(name='medications') if l_0_medications is missing else l_0_medications):
            _loop_vars = {}
            pass
            yield '<item>'
            yield escape(environment.getattr(l_1_med, 'name'))
            if environment.getattr(l_1_med, 'dose'):
                pass
                yield ' '
                yield escape(t_3(environment.getattr(l_1_med, 'dose')))
            yield '</item>\n'
        l_1_med = missing
        yield '</section>\n'
    if (undefined(name='care_contact') if l_0_care_contact is missing else l_0_care_contact):
        pass
        yield '<section name="care team">\n<item style="card_body"><b>'
        yield escape((environment.getattr((undefined(name='care_contact') if l_0_care_contact is missing else l_0_care_contact), 'role') or 'Care team'))
        yield ':</b> '
        yield escape(environment.getattr((undefined(name='care_contact') if l_0_care_contact is missing else l_0_care_contact), 'name'))
        yield ' '
        yield escape(t_3(environment.getattr((undefined(name='care_contact') if l_0_care_contact is missing else l_0_care_contact), 'phone')))
        yield '</item>\n</section>\n'
    if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps'):
        pass
        yield '<spare style="card_body"><b>Notes from my care team:</b></spare>\n'
    else:
        pass
        yield '<spare style="card_body" needed="yes"><b>My care team\'s plan for a severe reaction</b> (written and signed by my clinician):</spare>\n'
    yield '<spare-line style="card_body">_</spare-line>\n<spare-end style="card_body">Signed: ________________ Date: ________</spare-end>\n<section name="signature">\n<item style="card_small">Updated '
    yield escape(t_2((undefined(name='prepared') if l_0_prepared is missing else l_0_prepared)))
    yield ' with prepkit, a preparation aid, not medical advice. '
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'card_attribution'))
    yield ' Checked by clinician: ____________ Date:&#160;________</item>\n</section>\n</flow>'

blocks = {}
debug_info = '14=41&17=48&18=52&29=65&31=69&32=78&35=92&37=95&38=100&39=105&43=116&47=119&50=121&52=124&64=142&68=145&72=153&76=156&80=168&83=171&89=177&99=184'