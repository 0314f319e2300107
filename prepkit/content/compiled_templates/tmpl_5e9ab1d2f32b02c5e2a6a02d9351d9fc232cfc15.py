from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'card/sheet.xml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_layout = resolve('layout')
    pass
    yield '<sheet title="Wallet card: medical alert" subject="Systemic mastocytosis trigger and medication alert card">\n'
    if (environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') == 1):
        pass
        yield '<p style="sheet_heading">Your wallet card</p>\n'
    else:
        pass
        yield '<p style="sheet_heading">Your wallet card: a fold-out with '
        yield escape(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'faces'))
        yield ' panels</p>\n'
    yield '<p style="sheet_text">Print at 100% (actual size), not "fit to page". The bar below must measure exactly 50 mm.</p>\n'
    if (environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') == 1):
        pass
        yield '<p style="sheet_text">Cut along the outer corner marks, fold on the dashed line with the printed sides outward, and glue or laminate. To read the back, turn the card over from side to side, like a page.</p>\n'
    else:
        pass
        yield '<p style="sheet_text">Cut along the outer corner marks. Fold in half along the upright dashed line, the right half going behind, printed sides out (panels 1 to '
        yield escape(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows'))
        yield ' on one side, '
        yield escape((environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') + 1))
        yield ' to '
        yield escape(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'faces'))
        yield ' on the other), then '
        yield escape(('fold along the dashed line across' if (environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') == 2) else markup_join(('fold zigzag, back and forth, along the ', (environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') - 1), ' dashed lines across', ))))
        yield ', so that panel 1 faces out on top. Do not glue or laminate it shut: it must unfold. To read the back (panel '
        yield escape((environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'faces') if (environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') % 2) else environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows')))
        yield '), turn the folded card over '
        yield escape(('from side to side, like a page' if (environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'rows') % 2) else 'from bottom to top, not like a page'))
        yield ". Each panel's number is at its foot.</p>\n"
    yield '<p style="sheet_text">A preparation aid, not medical advice: ask a clinician to check and sign it.</p>\n<calibration>50 mm</calibration>\n</sheet>'

blocks = {}
debug_info = '5=13&8=19&11=22&14=28'