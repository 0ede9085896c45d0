;;; plainly.el --- plainly's language server in Emacs, through eglot  -*- lexical-binding: t; -*-

;; Load this file from your init file (or paste it there):
;;   (load "/path/to/plainly/editors/emacs/plainly.el")
;; Needs Emacs 29+ (eglot built in) or eglot from GNU ELPA (Debian: elpa-eglot).
;; Everything plainly checks is configured in plainly.toml, shared with the CLI and CI.

(require 'eglot)

(defcustom plainly-command '("plainly" "lsp")
  "How to start plainly's language server."
  :type '(repeat string)
  :group 'eglot)

(defcustom plainly-modes '(markdown-mode gfm-mode text-mode message-mode)
  "Major modes whose buffers plainly checks as they open.
Only these modes themselves: modes derived from them, such as
`org-mode' or `latex-mode' (both derived from `text-mode'), are
not prose plainly understands."
  :type '(repeat symbol)
  :group 'eglot)

;; Language ids are the LSP's names, so plainly knows what kind of text each buffer is.
;; eglot picks the first entry naming the buffer's mode or a mode it derives from. The
;; Markdown entry goes first, ahead of eglot's own `marksman' entry; the `text-mode' one
;; goes last, so that modes derived from it (LaTeX, Org, ...) still get their own
;; servers when they have one; `message-mode' comes before `text-mode', the mode it
;; derives from. Magit's commit buffers are `text-mode' buffers.
(add-to-list 'eglot-server-programs
             `(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown"))
               . ,(lambda (&rest _) plainly-command)))
(add-to-list 'eglot-server-programs
             `(((message-mode :language-id "mail")
                (text-mode :language-id "plaintext"))
               . ,(lambda (&rest _) plainly-command))
             t)

(defun plainly-maybe-start ()
  "Start plainly in this buffer if its major mode is one of `plainly-modes'."
  (when (memq major-mode plainly-modes)
    (eglot-ensure)))

;; Every mode in `plainly-modes' derives from `text-mode', so its hook runs in all of
;; them, and in Org and LaTeX buffers too: `plainly-maybe-start' checks the mode itself.
(add-hook 'text-mode-hook #'plainly-maybe-start)

(provide 'plainly)
;;; plainly.el ends here
