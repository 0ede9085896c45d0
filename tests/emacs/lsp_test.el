;;; lsp_test.el --- drives plainly in a real Emacs  -*- lexical-binding: t; -*-

;; Run by tests/emacs.rs as `emacs --batch -l tests/emacs/lsp_test.el' with PLAINLY_BIN (the
;; binary), PLAINLY_SETUP (editors/emacs/plainly.el), PLAINLY_DIR (a folder holding
;; draft.txt, notes.org, paper.tex and notes.md; draft.txt is changed) and PLAINLY_RESULT
;; (where to write what happened, one line per fact, for the Rust side to assert on).
;;
;; Everything goes through the shipped setup and eglot's own functions. Batch Emacs has
;; no command loop, so the test does what the loop would: it runs `post-command-hook'
;; (where `eglot-ensure' connects), and sends a change with
;; `eglot--signal-textDocument/didChange' (eglot's idle timer does it in a live Emacs).

(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defvar plainly-test-lines nil "What happened, newest first.")

(defun plainly-test-say (format-string &rest args)
  (push (apply #'format format-string args) plainly-test-lines))

(defun plainly-test-finish (ok)
  (plainly-test-say (if ok "ok" "failed"))
  (with-temp-file (getenv "PLAINLY_RESULT")
    (insert (mapconcat #'identity (reverse plainly-test-lines) "\n") "\n"))
  (kill-emacs (if ok 0 1)))

(defun plainly-test-wait (what seconds predicate)
  "Wait up to SECONDS for PREDICATE to return non-nil, reading the server meanwhile."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "%s: not within %s s" what seconds))))

(defun plainly-test-open (file)
  "Visit FILE as a user would; the command loop would then run `post-command-hook'."
  (find-file (expand-file-name file (getenv "PLAINLY_DIR")))
  (run-hooks 'post-command-hook)
  (current-buffer))

(defun plainly-test-diagnostics ()
  "The buffer's diagnostics as Flymake shows them: (CODE TEXT-IN-RANGE LINE)."
  (flymake-start)
  (sort (mapcar (lambda (d)
                  (let ((message (flymake-diagnostic-text d)))
                    (list (if (string-match "\\[\\([a-z-]+\\)\\]" message) (match-string 1 message) message)
                          (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                          (line-number-at-pos (flymake-diagnostic-beg d)))))
                (flymake-diagnostics))
        (lambda (a b) (string< (car a) (car b)))))

(defun plainly-test-say-diagnostics (label diagnostics)
  (dolist (d diagnostics)
    (plainly-test-say "%s %s %d %s" label (nth 0 d) (nth 2 d) (nth 1 d))))

(defun plainly-test-hover ()
  "What eldoc would show at point, from eglot's hover function, on one line."
  (let (shown)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq shown (or info ""))))
    (plainly-test-wait "hover" 15 (lambda () shown))
    (replace-regexp-in-string "\n" "\\\\n" shown)))

(defun plainly-test-managed-p (buffer)
  (buffer-local-value 'eglot--managed-mode buffer))

(defun plainly-test-run ()
  (load (expand-file-name (getenv "PLAINLY_SETUP")) nil t)
  (setq plainly-command (list (getenv "PLAINLY_BIN") "lsp"))
  (plainly-test-say "emacs %s eglot %s" emacs-version
                    (if (boundp 'eglot-version) eglot-version
                      (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot"))))))

  ;; A draft: diagnostics arrive where Flymake puts them, on a line with an emoji.
  (let ((draft (plainly-test-open "draft.txt")))
    (plainly-test-say "mode %s managed %s" major-mode (plainly-test-managed-p draft))
    (plainly-test-wait "diagnostics" 20 #'plainly-test-diagnostics)
    (plainly-test-say-diagnostics "diag" (plainly-test-diagnostics))

    ;; An edit: "ASAP" becomes a real deadline and the line gains a prefix, so every
    ;; finding after it moves. eglot sends it on idle; batch Emacs never idles.
    (goto-char (point-min))
    (search-forward "ASAP")
    (replace-match "by Friday" t t)
    (goto-char (point-min))
    (search-forward "Café")
    (insert " ☕")
    (eglot--signal-textDocument/didChange)
    (plainly-test-wait "diagnostics after the edit" 20
                       (lambda () (not (assoc "vague-deadline" (plainly-test-diagnostics)))))
    (plainly-test-say-diagnostics "edited" (plainly-test-diagnostics))

    ;; Hover on the jargon finding, and on the first line (the score: eglot shows no lenses).
    (goto-char (point-min))
    (search-forward "circle")
    (plainly-test-say "hover %s" (plainly-test-hover))
    (goto-char (point-min))
    (plainly-test-say "first-line-hover %s" (plainly-test-hover))

    ;; The quick fix, chosen from eglot's code action menu as a user would.
    (goto-char (point-min))
    (search-forward "circle back")
    (let ((beg (match-beginning 0)) (end (match-end 0))
          (last-nonmenu-event ?\r)
          offered)
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest _)
                   (setq offered (mapcar #'car items))
                   "Replace with “follow up”")))
        (eglot-code-actions beg end nil t))
      (plainly-test-say "actions %s" (mapconcat #'identity offered " | ")))
    (plainly-test-say "fixed %s" (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
    (eglot--signal-textDocument/didChange)
    (plainly-test-wait "diagnostics after the fix" 20
                       (lambda () (not (assoc "jargon" (plainly-test-diagnostics)))))
    (plainly-test-say-diagnostics "after-fix" (plainly-test-diagnostics)))

  ;; Org and LaTeX derive from text-mode, but are not prose plainly reads.
  (dolist (file '("notes.org" "paper.tex"))
    (let ((buffer (plainly-test-open file)))
      (accept-process-output nil 0.5)
      (plainly-test-say "%s mode %s managed %s" file major-mode (plainly-test-managed-p buffer))))
  (plainly-test-say "latex-server %S" (nth 2 (eglot--lookup-mode 'latex-mode)))

  ;; Markdown needs markdown-mode on Emacs 28; with it, eglot asks for Markdown hovers.
  (if (not (locate-library "markdown-mode"))
      (plainly-test-say "markdown skipped: markdown-mode is not installed")
    (require 'markdown-mode)
    (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
    (let ((notes (plainly-test-open "notes.md")))
      (plainly-test-say "notes.md mode %s managed %s" major-mode (plainly-test-managed-p notes))
      (plainly-test-wait "Markdown diagnostics" 20 #'plainly-test-diagnostics)
      (plainly-test-say-diagnostics "md" (plainly-test-diagnostics))
      (goto-char (point-min))
      (search-forward "circle")
      (plainly-test-say "md-hover %s" (plainly-test-hover)))))

(condition-case err
    (progn (plainly-test-run) (plainly-test-finish t))
  (error
   (plainly-test-say "FAIL: %s" (error-message-string err))
   (plainly-test-finish nil)))
