" hclc files: *.hcl and *.tfvars in a project that has a .hclc marker file
" (in the file's directory or any directory above it). Terraform's *.hcl
" keep their filetype elsewhere; a modeline "# vim: set ft=hclc:" or
" :set ft=hclc picks hclc for a single file.
function! s:HclcProject(dir) abort
  return findfile('.hclc', fnameescape(a:dir) . ';') !=# ''
endfunction

autocmd BufRead,BufNewFile *.hcl,*.tfvars
      \ if s:HclcProject(expand('<afile>:p:h')) | set filetype=hclc | endif
