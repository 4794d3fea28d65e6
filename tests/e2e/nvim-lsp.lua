-- tests/e2e/nvim-lsp.lua - Neovim's own LSP client against `hclc lsp`
-- (run by nvim-lsp.sh: nvim --headless -u NONE -l is not in 0.7, so the
-- script is sourced with +luafile). Opens main.hcl of the project in
-- $PROJECT, injects an error and waits for its diagnostic, asks for hover,
-- completion and definition, and writes "ok NAME" / "not ok NAME" lines
-- to $RESULTS.
local out = assert(io.open(os.getenv("RESULTS"), "w"))
local function check(name, cond, detail)
  out:write((cond and "ok " or "not ok ") .. name .. "\n")
  if not cond and detail then
    out:write("    " .. tostring(detail):gsub("\n", "\n    ") .. "\n")
  end
end

local project = os.getenv("PROJECT")
vim.cmd("edit " .. project .. "/main.hcl")
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "hclc",
  cmd = { os.getenv("HCLC"), "lsp" },
  root_dir = project,
  flags = { debounce_text_changes = 0 },
})
check("nvim starts hclc lsp", id ~= nil)
vim.lsp.buf_attach_client(buf, id)
local client = vim.lsp.get_client_by_id(id)
check("initialize", vim.wait(10000, function() return client.initialized end, 20))

local function request(method, line, character)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = character },
  }
  local resp = client.request_sync(method, params, 10000, buf)
  return resp and resp.result, resp and resp.err
end

-- An injected error: var.cpux on line 9 (0-based 8), columns 29 to 37.
vim.api.nvim_buf_set_lines(buf, 8, 9, false, { "  cpu                      = var.cpux" })
local found
vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.message:find('unknown variable "cpux"', 1, true) then
      found = d
      return true
    end
  end
  return false
end, 20)
check("diagnostic for the injected error", found ~= nil, vim.inspect(vim.diagnostic.get(buf)))
check("diagnostic range", found and found.lnum == 8 and found.col == 29 and found.end_col == 37,
  vim.inspect(found))
vim.api.nvim_buf_set_lines(buf, 8, 9, false, { "  cpu                      = var.cpu" })

local hover = request("textDocument/hover", 6, 4)
local text = hover and hover.contents and hover.contents.value or ""
check("hover on an ECS member", text:find("networkMode", 1, true) and text:find("awsvpc", 1, true),
  vim.inspect(hover))
hover = request("textDocument/hover", 8, 34)
text = hover and hover.contents and hover.contents.value or ""
check("hover on a variable", text:find("var.cpu", 1, true) and text:find("prod`: 1024", 1, true),
  vim.inspect(hover))

local items = request("textDocument/completion", 15, 4) or {}
local labels = {}
for _, it in ipairs(items.items or items) do labels[it.label] = true end
check("completion inside a container block", labels.log_configuration and labels.port_mapping
  and labels.essential, vim.inspect(vim.tbl_keys(labels)))

local defs = request("textDocument/definition", 8, 34) or {}
local first = defs[1] or {}
check("definition of a variable", first.uri and first.uri:match("/variables%.hcl$")
  and first.range.start.line == 8, vim.inspect(defs))

client.stop()
vim.wait(5000, function() return client.is_stopped() end, 20)
out:close()
vim.cmd("qa!")
