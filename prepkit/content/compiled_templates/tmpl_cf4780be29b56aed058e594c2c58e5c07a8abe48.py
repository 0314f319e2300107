from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/attacks.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_attacks = resolve('attacks')
    l_0_catalog = resolve('catalog')
    l_0_diary = resolve('diary')
    l_0_kept = resolve('kept')
    l_0_profile = resolve('profile')
    l_0_typed = resolve('typed')
    l_0_period = resolve('period')
    l_0_a = l_0_yes_no = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_a = (undefined(name='attacks') if l_0_attacks is missing else l_0_attacks)
    context.vars['a'] = l_0_a
    context.exported_vars.add('a')
    included_template = environment.get_template('worksheet/macros.xml.j2', 'worksheet/attacks.xml.j2')._get_default_module(context)
    l_0_yes_no = getattr(included_template, 'yes_no', missing)
    if l_0_yes_no is missing:
        l_0_yes_no = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'worksheet/attacks.xml.j2') does not export the requested name 'yes_no'", name='yes_no')
    context.vars['yes_no'] = l_0_yes_no
    context.exported_vars.discard('yes_no')
    yield '<section id="attacks" title="Attacks and emergencies">\n<hint>'
    yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'explain'), 'attack'))
    yield '</hint>\n<fields kind="fields">\n'
    if (undefined(name='diary') if l_0_diary is missing else l_0_diary):
        pass
        l_0_kept = markup_join(('from my diary, kept since ', context.call(environment.getattr(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'kept_since'), 'isoformat')), ))
        context.vars['kept'] = l_0_kept
        context.exported_vars.add('kept')
        yield '  <field label="Attacks in the last 12 months ('
        yield escape((undefined(name='kept') if l_0_kept is missing else l_0_kept))
        yield ')">'
        yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'last_year'))
        yield '</field>\n  <field label="Last attack (from my diary)">'
        yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'last_attack'))
        yield '</field>\n  <field label="Emergency room visits in the last 12 months ('
        yield escape((undefined(name='kept') if l_0_kept is missing else l_0_kept))
        yield ')">'
        yield escape((environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'emergency_visits') if (not t_2(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'emergency_visits'))) else ''))
        yield '</field>\n'
        if environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'partial'):
            pass
            l_0_typed = environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'attacks')
            context.vars['typed'] = l_0_typed
            context.exported_vars.add('typed')
            if (not t_2(environment.getattr((undefined(name='typed') if l_0_typed is missing else l_0_typed), 'last_year'))):
                pass
                yield '  <field label="Attacks in the last year (as I counted them before my diary)">'
                yield escape(environment.getattr((undefined(name='typed') if l_0_typed is missing else l_0_typed), 'last_year'))
                yield '</field>\n'
            if environment.getattr((undefined(name='typed') if l_0_typed is missing else l_0_typed), 'last_attack'):
                pass
                yield '  <field label="Last attack (as I noted it before my diary)">'
                yield escape(environment.getattr((undefined(name='typed') if l_0_typed is missing else l_0_typed), 'last_attack'))
                yield '</field>\n'
            if (not t_2(environment.getattr((undefined(name='typed') if l_0_typed is missing else l_0_typed), 'emergency_visits'))):
                pass
                yield '  <field label="Emergency room visits (as I counted them before my diary)">'
                yield escape(environment.getattr((undefined(name='typed') if l_0_typed is missing else l_0_typed), 'emergency_visits'))
                yield '</field>\n'
    else:
        pass
        yield '  <field label="Attacks in the last year">'
        yield escape((environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'last_year') if (not t_2(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'last_year'))) else ''))
        yield '</field>\n  <field label="Last attack">'
        yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'last_attack'))
        yield '</field>\n  <field label="Emergency room visits">'
        yield escape((environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'emergency_visits') if (not t_2(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'emergency_visits'))) else ''))
        yield '</field>\n'
    yield '  <field label="Epinephrine ever used">'
    yield escape(context.call((undefined(name='yes_no') if l_0_yes_no is missing else l_0_yes_no), environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'epinephrine_used')))
    yield '</field>\n  <field label="Anaphylaxis ever">'
    yield escape(context.call((undefined(name='yes_no') if l_0_yes_no is missing else l_0_yes_no), environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'anaphylaxis_ever')))
    yield '</field>\n  <field label="Care team\'s steps in a severe reaction">'
    yield escape(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'emergency_steps'))
    yield '</field>\n</fields>\n'
    if (undefined(name='diary') if l_0_diary is missing else l_0_diary):
        pass
        l_0_period = (markup_join(('since my last visit (', context.call(environment.getattr(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'since'), 'isoformat')), ')', )) if environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'since_last_visit') else markup_join(('in the 12 months from ', context.call(environment.getattr(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'since'), 'isoformat')), )))
        context.vars['period'] = l_0_period
        context.exported_vars.add('period')
        yield '<subhead>My attack diary</subhead>\n'
        if environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'rows'):
            pass
            yield '<p>'
            yield escape(t_1(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'rows')))
            yield ' '
            yield escape(('attack' if (t_1(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'rows')) == 1) else 'attacks'))
            yield ' logged '
            yield escape((undefined(name='period') if l_0_period is missing else l_0_period))
            yield '.</p>\n<table kind="diary">\n  <head><c>When</c><c>How bad (0-10)</c><c>Symptoms</c><c>Noted before it</c><c>Taken or done</c><c>Note</c></head>\n'
            for l_1_row in environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'rows'):
                _loop_vars = {}
                pass
                yield '  <row><c>'
                yield escape(environment.getattr(l_1_row, 'when'))
                yield '</c><c>'
                yield escape(environment.getattr(l_1_row, 'severity'))
                yield '</c><c>'
                yield escape(environment.getattr(l_1_row, 'symptoms'))
                yield '</c><c>'
                yield escape(environment.getattr(l_1_row, 'triggers'))
                yield '</c><c>'
                yield escape(environment.getattr(l_1_row, 'taken'))
                yield '</c><c>'
                yield escape(environment.getattr(l_1_row, 'note'))
                yield '</c></row>\n'
            l_1_row = missing
            yield '</table>\n'
        else:
            pass
            yield '<p>No attacks logged '
            yield escape((undefined(name='period') if l_0_period is missing else l_0_period))
            yield '.</p>\n'
        yield '<bars title="Attacks per month, as logged'
        yield escape((markup_join((' (no bar before my diary began, ', context.call(environment.getattr(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'kept_since'), 'isoformat')), ')', )) if environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'partial') else ''))
        yield '" axis="Month ('
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'months'), 0), 'label'))
        yield ' '
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'months'), 0), 'year'))
        yield ' to '
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'months'), -1), 'label'))
        yield ' '
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'months'), -1), 'year'))
        yield ')">'
        for l_1_month in environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'months'):
            _loop_vars = {}
            pass
            yield '<bar label="'
            yield escape(environment.getattr(l_1_month, 'label'))
            yield '" value="'
            yield escape((environment.getattr(l_1_month, 'attacks') if (not t_2(environment.getattr(l_1_month, 'attacks'))) else ''))
            yield '"/>'
        l_1_month = missing
        yield '</bars>\n'
        if environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'triggers'):
            pass
            yield '<subhead>What I noted before the attacks listed (counts only)</subhead>\n'
            for l_1_count in environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'triggers'):
                _loop_vars = {}
                pass
                yield '<p>'
                yield escape(environment.getattr(l_1_count, 'trigger'))
                yield ': before '
                yield escape(environment.getattr(l_1_count, 'before'))
                yield ' of '
                yield escape(t_1(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'rows')))
                yield ' '
                yield escape(('attack' if (t_1(environment.getattr((undefined(name='diary') if l_0_diary is missing else l_0_diary), 'rows')) == 1) else 'attacks'))
                yield '</p>\n'
            l_1_count = missing
    yield '<box title="What the references say to keep in mind">\n'
    for l_1_item in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'emergency'):
        _loop_vars = {}
        pass
        yield '  <item>• '
        yield escape(environment.getattr(l_1_item, 'text'))
        yield '</item>\n'
    l_1_item = missing
    if (environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'diagnosis'), 'type') == 'suspected'):
        pass
        for l_1_item in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'for_suspected'):
            _loop_vars = {}
            pass
            yield '  <item>• '
            yield escape(environment.getattr(l_1_item, 'text'))
            yield '</item>\n'
        l_1_item = missing
    yield '</box>\n</section>'

blocks = {}
debug_info = '1=31&2=34&4=41&6=43&7=45&8=49&9=53&10=55&11=59&12=61&13=64&14=67&16=69&17=72&19=74&20=77&24=82&25=84&26=86&28=89&29=91&30=93&32=95&33=97&35=101&36=104&39=110&40=114&44=131&46=134&47=154&49=157&50=161&55=171&56=175&58=178&59=180&60=184'