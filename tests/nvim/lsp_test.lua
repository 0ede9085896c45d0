-- Drives plainly in a real Neovim: run by tests/neovim.rs as
--   nvim --headless -u NONE -c "luafile tests/nvim/lsp_test.lua"
-- with PLAINLY_BIN (the binary), PLAINLY_SETUP (editors/neovim/plainly.lua), PLAINLY_DRAFT
-- (a draft to open; it is changed) and PLAINLY_RESULT (where to write what happened).
-- Uses the shipped setup, so whichever API this Neovim has is the one tested.

local result = {}
local function say(line)
  table.insert(result, line)
end

local function finish(ok)
  say(ok and "ok" or "failed")
  vim.fn.writefile(result, os.getenv("PLAINLY_RESULT"))
  vim.cmd(ok and "qall!" or "cquit! 1")
end

local function check(condition, message)
  if not condition then
    error(message, 0)
  end
end

local function code_of(diagnostic)
  -- Neovim 0.7 keeps the LSP code under user_data; later versions set `code`.
  return diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
end

local ok, err = pcall(function()
  vim.cmd("filetype on")
  local plainly = dofile(os.getenv("PLAINLY_SETUP"))
  plainly.setup({ cmd = { os.getenv("PLAINLY_BIN"), "lsp" } })
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("PLAINLY_DRAFT")))
  local bufnr = vim.api.nvim_get_current_buf()
  say("filetype " .. vim.bo.filetype)

  check(vim.wait(15000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20), "no diagnostics within 15 s")

  local codes = {}
  local jargon
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = code_of(d)
    table.insert(codes, code)
    if code == "jargon" then
      jargon = d
    end
  end
  table.sort(codes)
  say("codes " .. table.concat(codes, ","))
  -- The words each diagnostic covers, as Neovim shows them (its columns are bytes).
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum == d.end_lnum then
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
      say("diag " .. code_of(d) .. " " .. (d.lnum + 1) .. " " .. line:sub(d.col + 1, d.end_col))
    end
  end
  check(jargon ~= nil, "no jargon diagnostic")

  local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  local client = get_clients({ bufnr = bufnr })[1]
  check(client ~= nil and client.name == "plainly", "plainly is not attached")
  local encoding = client.offset_encoding or "utf-16"
  say("encoding " .. encoding)

  -- The code actions at the jargon finding, from the range Neovim shows it at.
  local range = vim.lsp.util.make_given_range_params(
    { jargon.lnum + 1, jargon.col },
    { jargon.end_lnum + 1, jargon.end_col - 1 },
    bufnr,
    encoding
  ).range
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = range, context = { diagnostics = {} } }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
  check(responses ~= nil, "no answer to codeAction")
  local fix
  local titles = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == "Replace with “follow up”" then
        fix = action
      end
    end
  end
  say("actions " .. table.concat(titles, " | "))
  check(fix ~= nil, "no “follow up” fix")

  vim.lsp.util.apply_workspace_edit(fix.edit, encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, jargon.lnum, jargon.lnum + 1, false)[1]
  say("fixed " .. line)
  check(line:find("to follow up on the launch", 1, true) ~= nil, "the fix did not change the buffer as expected")

  -- The edit reaches the server, which publishes again without the jargon finding.
  check(vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == "jargon" then
        return false
      end
    end
    return true
  end, 20), "jargon still reported after the fix")
  say("rechecked")
end)

if not ok then
  say("FAIL: " .. tostring(err))
end
finish(ok)
