from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/since.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_since = resolve('since')
    l_0_last_visit = resolve('last_visit')
    l_0_catalog = resolve('catalog')
    try:
        t_1 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    if (not t_2((undefined(name='since') if l_0_since is missing else l_0_since))):
        pass
        yield '<section id="since" title="Since my last visit">\n<hint>What this profile says now, beside what it said for the visit on '
        yield escape(t_1((undefined(name='last_visit') if l_0_last_visit is missing else l_0_last_visit)))
        yield '. '
        yield escape(context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'explain'), 'follow-up-visits'))
        yield '</hint>\n'
        if (undefined(name='since') if l_0_since is missing else l_0_since):
            pass
            yield '<fields kind="fields">\n'
            l_1_loop = missing
            for l_1_group, l_1_loop in LoopContext((undefined(name='since') if l_0_since is missing else l_0_since), undefined):
                _loop_vars = {}
                pass
                yield '  <field label="'
                yield escape(environment.getattr(l_1_group, 'heading'))
                yield '">'
                l_2_loop = missing
                for l_2_line, l_2_loop in LoopContext(environment.getattr(l_1_group, 'lines'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(l_2_line)
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield '<br/>'
                l_2_loop = l_2_line = missing
                yield '</field>\n'
            l_1_loop = l_1_group = missing
            yield '</fields>\n'
        else:
            pass
            yield '<p>Nothing in the profile has changed since then.</p>\n'
        yield '</section>\n'

blocks = {}
debug_info = '3=26&5=29&6=33&8=37&9=41'