from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/questions.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_questions = resolve('questions')
    l_0_range = resolve('range')
    try:
        t_1 = environment.filters['multiline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'multiline' found.")
    pass
    yield '<section id="questions" title="My questions for the provider" break-before="yes">\n<keep>\n<p style="label">Treatments the references describe: tick any you want to ask about</p>\n<checklist kind="checklist">\n'
    for l_1_item in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'treatments'):
        l_1_box = resolve('box')
        _loop_vars = {}
        pass
        yield '  <item>'
        yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), False, _loop_vars=_loop_vars))
        yield ' '
        yield escape(environment.getattr(l_1_item, 'name'))
        yield '</item>\n'
    l_1_item = l_1_box = missing
    yield '</checklist>\n</keep>\n'
    if (undefined(name='questions') if l_0_questions is missing else l_0_questions):
        pass
        yield '<hint>In the order I most want them answered. Write the answers in the lines below each one.</hint>\n'
        l_1_loop = missing
        for l_1_text, l_1_loop in LoopContext((undefined(name='questions') if l_0_questions is missing else l_0_questions), undefined):
            l_1_answers = resolve('answers')
            _loop_vars = {}
            pass
            yield '<keep>\n  <question number="'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '">'
            yield escape(t_1(l_1_text))
            yield '</question>\n'
            if environment.getitem((undefined(name='answers') if l_1_answers is missing else l_1_answers), environment.getattr(l_1_loop, 'index0')):
                pass
                yield '  <p>Answer noted last time: '
                yield escape(environment.getitem((undefined(name='answers') if l_1_answers is missing else l_1_answers), environment.getattr(l_1_loop, 'index0')))
                yield '</p>\n'
            yield '  <lines count="4"/>\n</keep>\n'
        l_1_loop = l_1_text = l_1_answers = missing
    else:
        pass
        yield '<hint>Suggested questions: tick the ones you want to ask, then write them below in the order that matters most to you.</hint>\n<checklist kind="single">\n'
        for l_1_q in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'questions'):
            l_1_box = resolve('box')
            _loop_vars = {}
            pass
            yield '  <item>'
            yield escape(context.call((undefined(name='box') if l_1_box is missing else l_1_box), False, _loop_vars=_loop_vars))
            yield ' '
            yield escape(environment.getattr(l_1_q, 'text'))
            yield '</item>\n'
        l_1_q = l_1_box = missing
        yield '</checklist>\n'
        for l_1_n in context.call((undefined(name='range') if l_0_range is missing else l_0_range), 1, 6):
            _loop_vars = {}
            pass
            yield '<keep>\n  <question number="'
            yield escape(l_1_n)
            yield '"></question>\n  <lines count="3"/>\n</keep>\n'
        l_1_n = missing
    yield '</section>'

blocks = {}
debug_info = '5=21&6=26&10=32&12=36&14=41&15=45&16=48&24=55&25=60&28=66&30=70'