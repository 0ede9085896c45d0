;;; plainly.el --- plainly's language server in Emacs, through eglot  -*- lexical-binding: t; -*-

;; Load this file from your init file (or paste it there):
;;   (load "/path/to/plainly/editors/emacs/plainly.el")
;; Needs Emacs 29+ (eglot built in) or eglot from GNU ELPA.
;; Everything plainly checks is configured in plainly.toml, shared with the CLI and CI.

(require 'eglot)

(defcustom plainly-command '("plainly" "lsp")
  "How to start plainly's language server."
  :type '(repeat string)
  :group 'eglot)

;; Language ids are the LSP's names, so plainly knows what kind of text each buffer is.
(add-to-list 'eglot-server-programs
             `(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (text-mode :language-id "plaintext")
                (message-mode :language-id "mail")
                (git-commit-mode :language-id "git-commit"))
               . ,(lambda (&rest _) plainly-command)))

;; Start it in those buffers. `git-commit-mode' is a minor mode from Magit; its
;; buffers are text-mode buffers, so the text-mode hook covers them.
(dolist (hook '(markdown-mode-hook gfm-mode-hook text-mode-hook message-mode-hook))
  (add-hook hook #'eglot-ensure))

(provide 'plainly)
;;; plainly.el ends here
