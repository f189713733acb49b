using System.Diagnostics;
using System.Text;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>The real <c>sigil-lsp</c> process, its stderr kept for failure messages.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process) => Process = process;

    public Process Process { get; }

    public Stream Input => Process.StandardInput.BaseStream;

    public Stream Output => Process.StandardOutput.BaseStream;

    /// <summary>What the server logged so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the server in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static ServerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.ServerDll);
        start.Environment["OPENAI_BASE_URL"] = "";
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetTempPath();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var server = new ServerProcess(Process.Start(start)!);
        server.Process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (server._stderr)
                {
                    server._stderr.AppendLine(e.Data);
                }
            }
        };
        server.Process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        Assert.IsTrue(Process.WaitForExit(timeout), "the server did not exit within " + timeout + "\n" + Stderr);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }
        Process.Dispose();
    }
}
