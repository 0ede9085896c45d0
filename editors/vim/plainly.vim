" plainly's language server in Vim 9 (and 8.2), through ALE: diagnostics while you write
" Markdown, plain-text drafts, mail and commit messages, quick fixes with :ALECodeAction,
" why a rule matters with :ALEHover, and the clarity score on the first line's hover.
"
" In your vimrc, after ALE is loaded (Debian's vim-ale: `packadd! ale`):
"   source /path/to/plainly/editors/vim/plainly.vim
"   let g:plainly_executable = '/home/you/.cargo/bin/plainly'   " if not on PATH
"
" Everything plainly checks is configured in plainly.toml, shared with the CLI and CI.

let g:plainly_executable = get(g:, 'plainly_executable', 'plainly')

" Vim's filetypes, and the LSP's names for them.
let s:languages = {'markdown': 'markdown', 'text': 'plaintext', 'mail': 'mail', 'gitcommit': 'git-commit'}
let s:root_markers = ['plainly.toml', '.plainly.toml', '.git']

" The folder of the nearest root marker above the buffer's file, else the file's folder.
function! s:ProjectRoot(buffer) abort
    let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
    for l:marker in s:root_markers
        let l:found = findfile(l:marker, l:dir . ';')
        if empty(l:found)
            let l:found = finddir(l:marker, l:dir . ';')
        endif
        if !empty(l:found)
            return fnamemodify(l:found, ':p:h:s?/\.git$??')
        endif
    endfor
    return l:dir
endfunction

" ALE reads and sends columns as byte counts, but does not say so (it offers no position
" encoding), so plainly would count UTF-16 units as the protocol says, and every finding
" after an accent or an emoji would land off its words. `positionEncoding` tells plainly
" what ALE counts in.
for s:filetype in keys(s:languages)
    call ale#linter#Define(s:filetype, {
    \   'name': 'plainly',
    \   'lsp': 'stdio',
    \   'executable': {buffer -> g:plainly_executable},
    \   'command': '%e lsp',
    \   'language': s:languages[s:filetype],
    \   'project_root': function('s:ProjectRoot'),
    \   'initialization_options': {'positionEncoding': 'utf-8'},
    \})
endfor
