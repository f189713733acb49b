using Sigil.LanguageServer.Hosting;

// sigil-lsp: LSP over stdio. stdout is the transport: it is taken once here and Console.Out then points to stderr, so
// nothing a library prints can corrupt the stream.
var stdout = Console.OpenStandardOutput();
var stdin = Console.OpenStandardInput();
var stderr = Console.Error;
Console.SetOut(stderr);
if (args.Any(a => a is "--version" or "-v"))
{
    stderr.WriteLine(typeof(ServerHost).Assembly.GetName().Version);
    return 0;
}
var log = new ServerLog(stderr);
log.Info($"started (pid {Environment.ProcessId}); speaking LSP on stdin/stdout");
return await new ServerHost(stdin, stdout, log).RunAsync().ConfigureAwait(false);
