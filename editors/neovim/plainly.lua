-- plainly's language server in Neovim: diagnostics while you write Markdown, plain-text
-- drafts, mail and commit messages, quick fixes as code actions, the clarity score as a
-- code lens. Works on Neovim 0.7 to 0.11+; `setup()` picks the API your version has.
--
--   local plainly = dofile("/path/to/plainly/editors/neovim/plainly.lua")
--   plainly.setup()                        -- or plainly.setup({ cmd = { "/abs/plainly", "lsp" } })
--   plainly.lspconfig()                    -- instead, if you use nvim-lspconfig
--
-- Everything plainly checks is configured in plainly.toml, shared with the CLI and CI.

local M = {}

M.cmd = { "plainly", "lsp" }
M.filetypes = { "markdown", "text", "mail", "gitcommit" }
M.root_markers = { "plainly.toml", ".plainly.toml", ".git" }

-- Neovim sends the filetype as the language id; these are the LSP's names for two of
-- them (plainly accepts both spellings).
local language_ids = { text = "plaintext", gitcommit = "git-commit" }

local function get_language_id(_, filetype)
  return language_ids[filetype] or filetype
end

-- The score lens needs asking for again after edits on Neovim before 0.10. plainly offers
-- lenses only to clients that show them: Neovim 0.7 gets none (it would show "method
-- textDocument/codeLens is not supported" at every refresh) and finds the score in the
-- first line's hover instead.
local function on_attach(client, bufnr)
  if not client.server_capabilities.codeLensProvider then
    return
  end
  if vim.fn.has("nvim-0.10") == 1 then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  end
  vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "CursorHold" }, {
    buffer = bufnr,
    callback = function()
      if vim.fn.has("nvim-0.10") == 1 then
        vim.lsp.codelens.refresh({ bufnr = bufnr })
      else
        vim.lsp.codelens.refresh()
      end
    end,
  })
end

-- The folder holding the nearest root marker above `path`, else `path`'s folder.
local function root_dir(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(M.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found == "" then
      found = vim.fn.finddir(marker, dir .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git/?$", "")
    end
  end
  return dir
end

local function client_config(opts)
  return vim.tbl_extend("force", {
    name = "plainly",
    cmd = M.cmd,
    get_language_id = get_language_id,
    on_attach = on_attach,
  }, opts or {})
end

-- Neovim 0.7: one client per root, started and attached by hand.
local function setup_0_7(opts)
  local clients = {}
  vim.api.nvim_create_autocmd("FileType", {
    pattern = M.filetypes,
    callback = function(args)
      local root = root_dir(vim.api.nvim_buf_get_name(args.buf))
      if not clients[root] then
        clients[root] = vim.lsp.start_client(client_config(vim.tbl_extend("force", { root_dir = root }, opts or {})))
      end
      if clients[root] then
        vim.lsp.buf_attach_client(args.buf, clients[root])
      end
    end,
  })
end

-- Neovim 0.8 to 0.10: `vim.lsp.start` reuses a running client with the same name and root.
local function setup_0_8(opts)
  vim.api.nvim_create_autocmd("FileType", {
    pattern = M.filetypes,
    callback = function(args)
      local root = root_dir(vim.api.nvim_buf_get_name(args.buf))
      vim.lsp.start(client_config(vim.tbl_extend("force", { root_dir = root }, opts or {})), { bufnr = args.buf })
    end,
  })
end

-- Neovim 0.11+: `vim.lsp.config` and `vim.lsp.enable`.
local function setup_0_11(opts)
  local config = client_config(opts)
  config.name = nil
  config.filetypes = M.filetypes
  config.root_markers = M.root_markers
  vim.lsp.config("plainly", config)
  vim.lsp.enable("plainly")
end

--- Starts plainly for Markdown, text, mail and commit-message buffers.
--- `opts` are client options (`cmd`, `on_attach`, ...) that override the defaults.
function M.setup(opts)
  if vim.fn.has("nvim-0.11") == 1 then
    setup_0_11(opts)
  elseif vim.fn.has("nvim-0.8") == 1 then
    setup_0_8(opts)
  else
    setup_0_7(opts)
  end
end

--- Registers plainly with nvim-lspconfig (as a custom server) and sets it up.
function M.lspconfig(opts)
  local configs = require("lspconfig.configs")
  local util = require("lspconfig.util")
  if not configs.plainly then
    configs.plainly = {
      default_config = {
        cmd = M.cmd,
        filetypes = M.filetypes,
        root_dir = util.root_pattern(unpack(M.root_markers)),
        single_file_support = true,
        get_language_id = get_language_id,
        on_attach = on_attach,
      },
    }
  end
  require("lspconfig").plainly.setup(opts or {})
end

return M
