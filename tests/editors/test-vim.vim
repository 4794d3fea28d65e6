" tests/editors/test-vim.vim - run by tests/editors/run.sh as
"   vim -Es -u NONE -N --cmd 'set rtp^=grammar/editors/vim' -S this file
" with $HCLC_VIM_OUT naming the result file. Opens tests/editors/sample.hcl
" with filetype hclc and writes "ok vim ..." / "not ok vim ..." for each
" [text, byte offset in it, expected syntax group]: the group Vim gives the
" character at that offset of the first match of text (searched from the
" top, taken literally).
let s:checks = [
      \ ['# Every construct', 0, 'hclcComment'],
      \ ['variable "image_tag"', 0, 'hclcBlockType'],
      \ ['variable "image_tag"', 10, 'hclcLabel'],
      \ ['type        = string', 0, 'hclcAttribute'],
      \ ['"1.2.3"', 1, 'hclcString'],
      \ ['$$<not interpolated>', 0, 'hclcLiteralMarker'],
      \ ['$$<not interpolated>', 4, 'hclcString'],
      \ ['${HOME} as text', 2, 'hclcString'],
      \ ['$<var.image_tag>"', 0, 'hclcInterpDelim'],
      \ ['$<var.image_tag>"', 2, 'hclcExprName'],
      \ ['$<var.image_tag>"', 15, 'hclcInterpDelim'],
      \ ['upper("inner-', 0, 'hclcFunction'],
      \ ['upper("inner-', 7, 'hclcString'],
      \ ['$<local.app>")>', 2, 'hclcExprName'],
      \ ['$<local.app>")>', 13, 'hclcInterpBracket'],
      \ ['$<local.app>")>', 14, 'hclcInterpDelim'],
      \ ['ports = [80, 443]', 0, 'hclcAttribute'],
      \ ['ports = [80, 443]', 9, 'hclcNumber'],
      \ ['(2 > 1) })>"', 5, 'hclcNumber'],
      \ ['(2 > 1) })>"', 10, 'hclcInterpDelim'],
      \ ['$<(2 > 1)>"', 7, 'hclcNumber'],
      \ ['$<(2 > 1)>"', 9, 'hclcInterpDelim'],
      \ ['$<~ local.app ~>', 0, 'hclcInterpDelim'],
      \ ['$<~ local.app ~>', 14, 'hclcInterpDelim'],
      \ ['%<if var.image_tag', 0, 'hclcDirectiveDelim'],
      \ ['%<if var.image_tag', 2, 'hclcDirectiveKeyword'],
      \ ['%<else>', 2, 'hclcDirectiveKeyword'],
      \ ['[for p in [80', 1, 'hclcKeyword'],
      \ ['// end-of-line comment', 0, 'hclcComment'],
      \ ['<<-EOT', 0, 'hclcHeredoc'],
      \ ['EXPOSE $<p>', 0, 'hclcHeredoc'],
      \ ['EXPOSE $<p>', 7, 'hclcInterpDelim'],
      \ ['EXPOSE $<p>', 9, 'hclcExprName'],
      \ ['echo "${HOME} stays"', 7, 'hclcHeredoc'],
      \ ['$$<literal>', 0, 'hclcLiteralMarker'],
      \ ['/* a block comment */', 3, 'hclcComment'],
      \ ['-1.5e3', 1, 'hclcNumber'],
      \ ['task_definition "web"', 0, 'hclcBlockType'],
      \ ['task_definition "web"', 17, 'hclcLabel'],
      \ ['container "app"', 0, 'hclcBlockType'],
      \ ]

let s:out = []
syntax on
edit tests/editors/sample.hcl
set filetype=hclc
for [s:text, s:offset, s:want] in s:checks
  call cursor(1, 1)
  let s:line = search('\V' . escape(s:text, '\'), 'cW')
  let s:name = 'vim ' . s:text . ' +' . s:offset
  if s:line == 0
    call add(s:out, 'not ok ' . s:name)
    call add(s:out, '    text not found in tests/editors/sample.hcl')
    continue
  endif
  let s:got = synIDattr(synID(s:line, col('.') + s:offset, 1), 'name')
  if s:got ==# s:want
    call add(s:out, 'ok ' . s:name)
  else
    call add(s:out, 'not ok ' . s:name)
    call add(s:out, '    expected ' . s:want . ', got "' . s:got . '"')
  endif
endfor
call writefile(s:out, $HCLC_VIM_OUT)
qall!
