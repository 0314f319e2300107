from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/footer.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_page = resolve('page')
    l_0_pages = resolve('pages')
    l_0_name = resolve('name')
    l_0_prepared = resolve('prepared')
    l_0_attribution = resolve('attribution')
    try:
        t_1 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    try:
        t_2 = environment.filters['truncate']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'truncate' found.")
    pass
    yield '<footer>\n<p><b>Page '
    yield escape((undefined(name='page') if l_0_page is missing else l_0_page))
    yield ' of '
    yield escape((undefined(name='pages') if l_0_pages is missing else l_0_pages))
    yield '</b>   ·   '
    if (undefined(name='name') if l_0_name is missing else l_0_name):
        pass
        yield escape(t_2(environment, (undefined(name='name') if l_0_name is missing else l_0_name), 60, True, '…', 0))
        yield '   ·   '
    yield 'Prepared '
    yield escape(t_1((undefined(name='prepared') if l_0_prepared is missing else l_0_prepared)))
    yield ' with prepkit</p>\n<p>A preparation aid for your visit, not medical advice. Ask your care team about anything here. '
    yield escape((undefined(name='attribution') if l_0_attribution is missing else l_0_attribution))
    yield '</p>\n</footer>'

blocks = {}
debug_info = '5=29&6=40'