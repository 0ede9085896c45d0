-- The init file of the interactive Neovim that tests/neovim.rs drives under tmux, as a
-- person types: the shipped setup, plus a record of the buffer's diagnostic codes in
-- PLAINLY_STATE after every change (what the screen shows is read with capture-pane).

vim.o.updatetime = 100 -- CursorHold soon after the keys stop, as a person pauses
vim.o.swapfile = false
vim.cmd("filetype on")
dofile(os.getenv("PLAINLY_SETUP")).setup({ cmd = { os.getenv("PLAINLY_BIN"), "lsp" } })

local function code_of(diagnostic)
  -- Neovim 0.7 keeps the LSP code under user_data; later versions set `code`.
  return diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
end

vim.api.nvim_create_autocmd("DiagnosticChanged", {
  callback = function()
    local codes = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      table.insert(codes, code_of(d))
    end
    table.sort(codes)
    vim.fn.writefile({ "codes " .. table.concat(codes, ",") }, os.getenv("PLAINLY_STATE"))
  end,
})
