// Starts `plainly lsp` for Markdown, plain text and commit messages. Everything plainly
// checks is configured in plainly.toml, shared with the CLI and CI; the only setting
// here is where the binary is.
import { ExtensionContext, workspace } from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const command = workspace.getConfiguration("plainly").get<string>("path") || "plainly";
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    // No scheme: untitled drafts are checked too, with the workspace's plainly.toml.
    documentSelector: [{ language: "markdown" }, { language: "plaintext" }, { language: "git-commit" }],
  };
  client = new LanguageClient("plainly", "plainly", serverOptions, clientOptions);
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("plainly.path") && client) {
        await client.stop();
        await activate(context);
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
