from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/tests.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_profile = resolve('profile')
    l_0_tests = resolve('tests')
    l_0_charts = resolve('charts')
    pass
    yield '<section id="tests" title="Tests and records">\n<hint>'
    yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'explain'), ('follow-up-visits' if (environment.getattr(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'visit'), 'kind') == 'follow-up') else 'first-visit-tests')))
    yield ' Tick what applies; bring copies of results you have.</hint>\n<table kind="tests" blank-rows="1">\n  <head><c>Test</c><c>Have result</c><c>Will bring</c><c>Not done</c><c>Don\'t know</c><c>Date</c><c>Value</c></head>\n'
    for l_1_row in (undefined(name='tests') if l_0_tests is missing else l_0_tests):
        l_1_box = resolve('box')
        _loop_vars = {}
        pass
        yield '  <row><c>'
        yield escape(environment.getattr(l_1_row, 'name'))
        yield '</c><c>'
        yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), ('have-result' in environment.getattr(l_1_row, 'statuses')), _loop_vars=_loop_vars))
        yield '</c><c>'
        yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), ('will-bring' in environment.getattr(l_1_row, 'statuses')), _loop_vars=_loop_vars))
        yield '</c><c>'
        yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), ('not-done' in environment.getattr(l_1_row, 'statuses')), _loop_vars=_loop_vars))
        yield '</c><c>'
        yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), ('dont-know' in environment.getattr(l_1_row, 'statuses')), _loop_vars=_loop_vars))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'date'))
        yield '</c><c>'
        yield escape(environment.getattr(l_1_row, 'value'))
        yield '</c></row>\n'
    l_1_row = l_1_box = missing
    yield '</table>\n'
    for l_1_chart in (undefined(name='charts') if l_0_charts is missing else l_0_charts):
        _loop_vars = {}
        pass
        yield '<chart title="'
        yield escape(environment.getattr(l_1_chart, 'name'))
        yield '" unit="'
        yield escape(environment.getattr(l_1_chart, 'unit'))
        yield '">'
        for l_2_point in environment.getattr(l_1_chart, 'points'):
            _loop_vars = {}
            pass
            yield '<point day="'
            yield escape(environment.getattr(l_2_point, 'day'))
            yield '" value="'
            yield escape(environment.getattr(l_2_point, 'number'))
            yield '" label="'
            yield escape(environment.getattr(l_2_point, 'label'))
            yield '"/>'
        l_2_point = missing
        yield '</chart>\n'
    l_1_chart = missing
    yield '</section>'

blocks = {}
debug_info = '2=16&6=18&7=23&10=39&11=43'