" Vim syntax file
" Language: hclc (HCL with $<...> interpolations and %<...> directives)
" Maintainer: the hclc project (grammar/editors/vim; tested by tests/editors/run.sh)
"
" ${...} is plain string text in this language; $$< and %%< are literal.
" Inside $< > and %< > the text is an expression: brackets nest, so a '>'
" inside ( ), [ ] or { } does not close it; strings nest too.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match

syn keyword hclcTodo contained TODO FIXME XXX NOTE
syn match hclcComment "#.*$" contains=hclcTodo,@Spell
syn match hclcComment "//.*$" contains=hclcTodo,@Spell
syn region hclcComment start="/\*" end="\*/" contains=hclcTodo,@Spell

syn keyword hclcConstant true false null
syn keyword hclcKeyword for in if
syn match hclcNumber "\<\d\+\%(\.\d\+\)\=\%([eE][+-]\=\d\+\)\=\>"

" A block header: its type at the start of the line, then labels, then '{'.
syn match hclcBlockType ~^\s*\zs[A-Za-z_][A-Za-z0-9_-]*\ze\%(\s\+\%("[^"]*"\|[A-Za-z_][A-Za-z0-9_-]*\)\)*\s*{~ nextgroup=hclcLabel skipwhite
syn match hclcLabel contained ~"[^"]*"\|\<[A-Za-z_][A-Za-z0-9_-]*\>~ nextgroup=hclcLabel skipwhite

" Names inside $< > (defined first: of two matches at one place, Vim takes
" the one defined last, so attributes and calls win).
syn match hclcExprName contained "\<[A-Za-z_][A-Za-z0-9_-]*\>"
syn match hclcAttribute "\<[A-Za-z_][A-Za-z0-9_-]*\ze\s*=\%([=>]\)\@!"
syn match hclcFunction "\<[A-Za-z_][A-Za-z0-9_-]*\ze("

" Strings and heredocs, with their templates.
syn match hclcEscape contained +\\\%([nrt"\\]\|u\x\{4}\|U\x\{8}\)+
syn match hclcLiteralMarker contained "\$\$<\|%%<"
syn region hclcString start=+"+ skip=+\\\\\|\\"+ end=+"+ oneline contains=hclcEscape,hclcLiteralMarker,hclcInterp,hclcDirective
syn region hclcHeredoc start="<<-\=\z([A-Za-z_][A-Za-z0-9_-]*\)\s*$" end="^\s*\z1\s*$" contains=hclcLiteralMarker,hclcInterp,hclcDirective

syn cluster hclcExpr contains=hclcString,hclcHeredoc,hclcNumber,hclcConstant,hclcKeyword,hclcFunction,hclcAttribute,hclcParen,hclcBracket,hclcBrace,hclcExprName
syn region hclcParen contained matchgroup=hclcInterpBracket start="(" end=")" contains=@hclcExpr
syn region hclcBracket contained matchgroup=hclcInterpBracket start="\[" end="]" contains=@hclcExpr
syn region hclcBrace contained matchgroup=hclcInterpBracket start="{" end="}" contains=@hclcExpr
syn region hclcInterp contained matchgroup=hclcInterpDelim start="\$<\~\=" end="\~\=>" contains=@hclcExpr
syn keyword hclcDirectiveKeyword contained if else endif for in endfor
syn region hclcDirective contained matchgroup=hclcDirectiveDelim start="%<\~\=" end="\~\=>" contains=hclcDirectiveKeyword,@hclcExpr

hi def link hclcTodo Todo
hi def link hclcComment Comment
hi def link hclcConstant Constant
hi def link hclcKeyword Keyword
hi def link hclcNumber Number
hi def link hclcBlockType Structure
hi def link hclcLabel Identifier
hi def link hclcAttribute Identifier
hi def link hclcFunction Function
hi def link hclcEscape SpecialChar
hi def link hclcLiteralMarker SpecialChar
hi def link hclcString String
hi def link hclcHeredoc String
hi def link hclcInterpDelim Delimiter
hi def link hclcDirectiveDelim PreProc
hi def link hclcDirectiveKeyword PreProc
hi def link hclcInterpBracket Delimiter
hi def link hclcExprName Normal

" Heredocs and block comments span lines: parse from the top.
syn sync fromstart

let b:current_syntax = 'hclc'

let &cpo = s:cpo_save
unlet s:cpo_save
