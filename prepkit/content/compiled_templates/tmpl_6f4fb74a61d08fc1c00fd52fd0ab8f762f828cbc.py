from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/medications.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    l_0_catalog = resolve('catalog')
    pass
    yield '<section id="medications" title="Medications I take now">\n<table kind="medications" blank-rows="'
    yield escape((2 if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'medications') else 6))
    yield '">\n  <head><c>Medication</c><c>Dose</c><c>How often</c><c>What for</c></head>\n'
    for l_1_med in environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'medications'):
        _loop_vars = {}
        pass
        yield '  <row><c>'
        yield escape(environment.getattr(l_1_med, 'name'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_med, 'dose'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_med, 'how_often'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_med, 'what_for'))
        yield '</c></row>\n'
    l_1_med = missing
    yield '</table>\n'
    if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'stopped_medications'):
        pass
        yield '<subhead>Medications I have stopped</subhead>\n<table kind="stopped" blank-rows="0">\n  <head><c>Medication</c><c>When I stopped</c><c>Why</c></head>\n'
        for l_1_med in environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'stopped_medications'):
            _loop_vars = {}
            pass
            yield '  <row><c>'
            yield escape(environment.getattr(l_1_med, 'name'))
            yield '</c><c>'
            yield escape(environment.getattr(l_1_med, 'stopped'))
            yield '</c><c>'
            yield escape(environment.getattr(l_1_med, 'why'))
            yield '</c></row>\n'
        l_1_med = missing
        yield '</table>\n'
    yield '</section>\n<section id="avoid" title="Medications and substances I avoid">\n<hint>Each with what happened, in your words. '
    yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'explain'), 'what-to-avoid'))
    yield '</hint>\n<table kind="avoid" blank-rows="'
    yield escape((1 if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'avoid') else 4))
    yield '">\n  <head><c>Medication or substance</c><c>Reaction</c></head>\n'
    for l_1_item in environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'avoid'):
        _loop_vars = {}
        pass
        yield '  <row><c>'
        yield escape(environment.getattr(l_1_item, 'name'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_item, 'reaction'))
        yield '</c></row>\n'
    l_1_item = missing
    yield '</table>\n</section>'

blocks = {}
debug_info = '2=14&4=16&5=20&8=30&12=33&13=37&19=46&20=48&22=50&23=54'