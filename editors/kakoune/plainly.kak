# plainly in Kakoune, through kak-lsp 16 (kakoune-lsp): diagnostics while you write
# Markdown, plain-text drafts, mail and commit messages, quick fixes with lsp-code-actions,
# why a rule matters with lsp-hover, and the clarity score as a lens on the first line.
#
# In your kakrc, after kak-lsp is loaded (`eval %sh{kak-lsp --kakoune -s $kak_session}`):
#   source /path/to/plainly/editors/kakoune/plainly.kak
# and add plainly's table from kak-lsp.toml (beside this file) to your kak-lsp.toml.

# Kakoune gives plain text no filetype, and kak-lsp picks servers by filetype.
hook global BufCreate .*[.]txt %{
    set-option buffer filetype plaintext
}

hook global WinSetOption filetype=(markdown|git-commit|mail|plaintext) %{
    lsp-enable-window
    # The score is a code lens; this shows lenses in the text, at the end of the first line.
    lsp-inlay-code-lenses-enable window
}
