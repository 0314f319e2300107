from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/symptoms.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_symptoms = resolve('symptoms')
    l_0_profile = resolve('profile')
    l_0_note_cell = missing
    try:
        t_1 = environment.filters['multiline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'multiline' found.")
    pass
    def macro(l_1_row):
        t_2 = []
        if l_1_row is missing:
            l_1_row = undefined("parameter 'row' was not provided", name='row')
        pass
        if environment.getattr(l_1_row, 'note_below'):
            pass
            t_2.append(
                '<i>see the note under this table</i>',
            )
        else:
            pass
            t_2.append(
                escape(t_1(environment.getattr(l_1_row, 'notes'))),
            )
        return concat(t_2)
    context.exported_vars.add('note_cell')
    context.vars['note_cell'] = l_0_note_cell = Macro(environment, macro, 'note_cell', ('row',), False, False, False, context.eval_ctx.autoescape)
    yield '<section id="symptoms" title="My symptoms, in the order they started">\n'
    if (undefined(name='symptoms') if l_0_symptoms is missing else l_0_symptoms):
        pass
        yield '<hint>How bad: 0 = not at all, 10 = the worst I can imagine.</hint>\n'
    else:
        pass
        yield '<hint>Fill in the symptoms you have had: when you first noticed each one, how often it comes, how bad it gets (0 = not at all, 10 = the worst you can imagine) and what makes it worse. Common SM symptoms are listed; add your own in the empty rows.</hint>\n'
    yield '<table kind="symptoms" blank-rows="'
    yield escape((2 if (undefined(name='symptoms') if l_0_symptoms is missing else l_0_symptoms) else 5))
    yield '">\n  <head><c>Symptom</c><c>Body area</c><c>First noticed</c><c>How often</c><c>How bad</c><c>Worse with</c><c>Notes</c></head>\n'
    t_3 = 1
    for l_1_row in (undefined(name='symptoms') if l_0_symptoms is missing else l_0_symptoms):
        _loop_vars = {}
        pass
        yield '  <row><c>'
        yield escape(environment.getattr(l_1_row, 'name'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'body_area'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'first_noticed'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'how_often'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'severity'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'worse_with'))
        yield '</c><c>'
        yield escape(context.call((undefined(name='note_cell') if l_0_note_cell is missing else l_0_note_cell), l_1_row, _loop_vars=_loop_vars))
        yield '</c></row>\n'
        t_3 = 0
    l_1_row = missing
    if t_3:
        l_1_catalog = resolve('catalog')
        pass
        for l_2_item in environment.getattr((undefined(name='catalog') if l_1_catalog is missing else l_1_catalog), 'symptoms'):
            _loop_vars = {}
            pass
            yield '  <row><c>'
            yield escape(environment.getattr(l_2_item, 'name'))
            yield '</c><c>'
            yield escape(context.call(environment.getattr((undefined(name='catalog') if l_1_catalog is missing else l_1_catalog), 'body_area_name'), environment.getattr(l_2_item, 'body_area'), _loop_vars=_loop_vars))
            yield '</c><c></c><c></c><c></c><c></c><c></c></row>\n'
        l_2_item = missing
        l_1_catalog = missing
    yield '</table>\n'
    def t_4(fiter):
        for l_1_row in fiter:
            if environment.getattr(l_1_row, 'note_below'):
                yield l_1_row
    for l_1_row in t_4((undefined(name='symptoms') if l_0_symptoms is missing else l_0_symptoms)):
        _loop_vars = {}
        pass
        yield '<keep><p style="label">Notes: '
        yield escape(environment.getattr(l_1_row, 'name'))
        yield '</p><p>'
        yield escape(t_1(environment.getattr(l_1_row, 'notes')))
        yield '</p></keep>\n'
    l_1_row = missing
    yield '</section>\n<section id="daily-life" title="How my symptoms affect daily life">\n'
    if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'daily_life'):
        pass
        yield '<p>'
        yield escape(t_1(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'daily_life')))
        yield '</p>\n'
    else:
        pass
        yield '<hint>Work, sleep, family, exercise, food, travel: what have you changed or stopped doing?</hint>\n<lines count="5"/>\n'
    yield '</section>'

blocks = {}
debug_info = '1=20&3=39&9=46&11=49&12=53&14=72&15=76&19=83&20=91&24=97&25=100'