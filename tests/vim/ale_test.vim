" Drives plainly in a real Vim through ALE: run by tests/vim.rs as
"   vim -N -u NONE -i NONE -n -es -S tests/vim/ale_test.vim
" with PLAINLY_BIN (the binary), PLAINLY_SETUP (editors/vim/plainly.vim), PLAINLY_DRAFT (a
" draft to open; it is changed) and PLAINLY_RESULT (where to write what happened, one
" line per fact, for the Rust side to assert on). ALE lints on its own events and timers
" in a live Vim; here `:ALELint` asks for the same after each edit.

let s:result = []

function! s:Say(line) abort
    call add(s:result, a:line)
endfunction

function! s:Finish(ok) abort
    call s:Say(a:ok ? 'ok' : 'failed')
    call writefile(s:result, $PLAINLY_RESULT)
    if a:ok
        qall!
    endif
    cquit!
endfunction

function! s:Wait(what, seconds, Ready) abort
    let l:start = reltime()
    while !a:Ready()
        if reltimefloat(reltime(l:start)) > a:seconds
            throw a:what . ': not within ' . a:seconds . ' s'
        endif
        sleep 20m
    endwhile
endfunction

" plainly's diagnostics as ALE keeps them: [code, line, the bytes ALE highlights].
function! s:Diagnostics() abort
    let l:found = []
    for l:item in ale#engine#GetLoclist(bufnr(''))
        if get(l:item, 'linter_name', '') is# 'plainly'
            let l:line = getline(l:item.lnum)
            call add(l:found, [get(l:item, 'code', '?'), l:item.lnum, l:line[l:item.col - 1 : l:item.end_col - 1]])
        endif
    endfor
    return sort(l:found)
endfunction

function! s:SayDiagnostics(label) abort
    for [l:code, l:lnum, l:text] in s:Diagnostics()
        call s:Say(a:label . ' ' . l:code . ' ' . l:lnum . ' ' . l:text)
    endfor
endfunction

function! s:HasCode(code) abort
    return !empty(filter(s:Diagnostics(), {_, d -> d[0] is# a:code}))
endfunction

" :ALEHover at the cursor, read from ALE's preview window, on one line.
function! s:Hover() abort
    silent! pclose
    ALEHover
    call s:Wait('hover', 15, {-> bufnr('ALEPreviewWindow') != -1 && !empty(getbufline(bufnr('ALEPreviewWindow'), 1, '$'))})
    let l:shown = join(getbufline(bufnr('ALEPreviewWindow'), 1, '$'), '\n')
    pclose
    return l:shown
endfunction

let s:menu = v:null
function! s:Menu(data, items) abort
    let s:menu = [a:data, a:items]
endfunction

try
    packadd ale
    source $PLAINLY_SETUP
    let g:plainly_executable = $PLAINLY_BIN
    " Only plainly, whatever other linters this machine has; answers shown in the preview.
    let g:ale_linters_explicit = 1
    let g:ale_linters = {'text': ['plainly'], 'markdown': ['plainly'], 'mail': ['plainly'], 'gitcommit': ['plainly']}
    let g:ale_hover_to_preview = 1
    filetype on
    call s:Say('vim ' . v:version)

    execute 'edit ' . fnameescape($PLAINLY_DRAFT)
    call s:Say('filetype ' . &filetype)
    ALELint
    call s:Wait('diagnostics', 20, {-> !empty(s:Diagnostics())})
    call s:SayDiagnostics('diag')

    " An edit: "ASAP" becomes a real deadline and the line gains a prefix before the
    " other findings, so each must move by bytes, not by characters.
    call setline(5, substitute(getline(5), 'ASAP', 'by Friday', ''))
    call setline(5, substitute(getline(5), 'Café', 'Café ☕', ''))
    ALELint
    call s:Wait('diagnostics after the edit', 20, {-> !empty(s:Diagnostics()) && !s:HasCode('vague-deadline')})
    call s:SayDiagnostics('edited')

    " Hover on the jargon finding, and on the first line (the score: ALE shows no lenses).
    call cursor(5, 1)
    call search('circle', 'c', 5)
    call s:Say('hover ' . s:Hover())
    call cursor(1, 1)
    call s:Say('first-line-hover ' . s:Hover())

    " The quick fix, from the menu ALE builds for :ALECodeActionMenu.
    call cursor(5, 1)
    call search('circle', 'c', 5)
    call ale#codefix#Execute(0, function('s:Menu'))
    call s:Wait('code actions', 15, {-> s:menu isnot v:null})
    let [s:data, s:items] = s:menu
    call s:Say('actions ' . join(map(copy(s:items), {_, i -> i[1].title}), ' | '))
    let s:fix = filter(copy(s:items), {_, i -> i[1].title is# 'Replace with “follow up”'})
    if empty(s:fix)
        throw 'no “follow up” fix'
    endif
    call ale#codefix#ApplyLSPCodeAction(s:data, s:fix[0][1])
    call s:Say('fixed ' . getline(5))
    ALELint
    call s:Wait('diagnostics after the fix', 20, {-> !empty(s:Diagnostics()) && !s:HasCode('jargon')})
    call s:SayDiagnostics('after-fix')
    call s:Finish(1)
catch
    call s:Say('FAIL: ' . v:exception . ' at ' . v:throwpoint)
    call s:Finish(0)
endtry
