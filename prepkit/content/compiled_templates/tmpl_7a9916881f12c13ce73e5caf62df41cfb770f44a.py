from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'worksheet/notes.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_profile = resolve('profile')
    try:
        t_1 = environment.filters['multiline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'multiline' found.")
    pass
    yield '<section id="notes" title="Notes" break-before="yes">\n'
    if environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'notes'):
        pass
        yield '<p>'
        yield escape(t_1(environment.getattr((undefined(name='profile') if l_0_profile is missing else l_0_profile), 'notes')))
        yield '</p>\n'
    yield '<hint>During the visit: next steps, new tests, medicine changes, when to come back.</hint>\n<lines fill="page"/>\n</section>'

blocks = {}
debug_info = '2=19&3=22'