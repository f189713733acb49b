-- Drives sigil-lsp from Neovim's built-in LSP client (the 0.7 API: vim.lsp.start_client, buf_attach_client,
-- vim.lsp.codelens) as a user without plugins would, and writes what it received as JSON.
-- Run by NeovimClientTests: nvim --headless --clean -n -i NONE -u NONE -S neovim-codelens.lua, with
--   SIGIL_NVIM_SERVER_DLL  the sigil-lsp.dll to start with `dotnet`
--   SIGIL_NVIM_ROOT        the workspace root (the folder holding sigil.json; also the server's working directory)
--   SIGIL_NVIM_FILE        the C# file to open (never written: the script quits with :qa!/:cq!)
--   SIGIL_NVIM_INSERT      how many blank lines to insert at the top afterwards (0: no edit)
--   SIGIL_NVIM_OUT         where to write the JSON: { lenses = {...}, shown = {...}, afterEdit = {...}|nil, error = ... }
-- Every wait has a hard timeout, and any error still writes the JSON (with `error`) and quits with a non-zero code.

local timeout_ms = 30000
local out_path = os.getenv('SIGIL_NVIM_OUT')
local result = { log = vim.lsp.get_log_path() }

local function write_result()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local function wait_for(what, condition)
  if not vim.wait(timeout_ms, condition, 20) then
    error('timed out after ' .. timeout_ms .. ' ms waiting for ' .. what)
  end
end

-- The lenses as the client holds them (vim.lsp.codelens.get) and as the user sees them (the virtual text per line).
local function snapshot(bufnr, client_id)
  local lenses = {}
  for index, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    table.insert(lenses, {
      line = lens.range.start.line,
      title = lens.command and lens.command.title or vim.NIL,
      command = lens.command and lens.command.command or vim.NIL,
      index = index,
    })
  end
  -- By line, keeping the server's order within a line (table.sort is not stable).
  table.sort(lenses, function(a, b) return a.line < b.line or (a.line == b.line and a.index < b.index) end)
  for _, lens in ipairs(lenses) do
    lens.index = nil
  end
  local shown = {}
  local namespace = vim.lsp.codelens.__namespaces[client_id]
  for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, namespace, 0, -1, { details = true })) do
    local text = {}
    for _, chunk in ipairs(mark[4].virt_text or {}) do
      table.insert(text, chunk[1])
    end
    table.insert(shown, { line = mark[2], text = table.concat(text) })
  end
  return lenses, shown
end

local function run()
  vim.lsp.set_log_level('debug')

  -- Count the codeLens answers, so "after the edit" means an answer to a request sent after it.
  local codelens = vim.lsp.codelens
  local answers, answer_error = 0, nil
  local on_codelens = codelens.on_codelens
  codelens.on_codelens = function(err, lenses, ctx, config)
    on_codelens(err, lenses, ctx, config)
    if err then
      answer_error = vim.inspect(err)
    end
    answers = answers + 1
  end

  local attached = false
  local client_id = vim.lsp.start_client({
    name = 'sigil',
    cmd = { 'dotnet', os.getenv('SIGIL_NVIM_SERVER_DLL') },
    cmd_cwd = os.getenv('SIGIL_NVIM_ROOT'),
    root_dir = os.getenv('SIGIL_NVIM_ROOT'),
    on_attach = function() attached = true end,
    on_exit = function(code, signal) result.serverExit = { code = code, signal = signal } end,
  })
  if not client_id then
    error('vim.lsp.start_client did not start the server')
  end
  result.clientId = client_id

  -- Open the real file (no swap file: -n; 'nowrite', and the script never writes) and attach the client: didOpen after initialize.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SIGIL_NVIM_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].buftype = 'nowrite'
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait_for('the client to initialize and attach', function() return attached or result.serverExit ~= nil end)
  if not attached then
    error('the server exited before the client attached: ' .. vim.inspect(result.serverExit))
  end
  result.serverName = vim.lsp.get_client_by_id(client_id).name

  codelens.refresh()
  wait_for('the first textDocument/codeLens answer', function() return answers >= 1 end)
  if answer_error then
    error('textDocument/codeLens failed: ' .. answer_error)
  end
  result.lenses, result.shown = snapshot(bufnr, client_id)

  local insert = tonumber(os.getenv('SIGIL_NVIM_INSERT') or '0')
  if insert > 0 then
    local blank = {}
    for _ = 1, insert do
      table.insert(blank, '')
    end
    -- Edit the buffer (didChange, sent before the next request) and ask again, as an autocmd on TextChanged would.
    vim.api.nvim_buf_set_lines(bufnr, 0, 0, false, blank)
    codelens.refresh()
    wait_for('the textDocument/codeLens answer after the edit', function() return answers >= 2 end)
    if answer_error then
      error('textDocument/codeLens after the edit failed: ' .. answer_error)
    end
    local lenses, shown = snapshot(bufnr, client_id)
    result.afterEdit = { lenses = lenses, shown = shown, changedtick = vim.api.nvim_buf_get_changedtick(bufnr) }
  end

  -- shutdown + exit, as :qa would, but waited for here so the server's end is recorded.
  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return result.serverExit ~= nil end, 20)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  result.error = tostring(err)
end
local written, write_error = pcall(write_result)
if not written then
  io.stderr:write('neovim-codelens.lua: cannot write ' .. tostring(out_path) .. ': ' .. tostring(write_error) .. '\n')
end
if ok and written then
  vim.cmd('qa!')
else
  io.stderr:write('neovim-codelens.lua: ' .. tostring(result.error) .. '\n')
  vim.cmd('cquit! 1')
end
