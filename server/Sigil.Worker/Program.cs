using System.Globalization;
using System.Runtime.InteropServices;
using Sigil.Evaluation.Sandbox.Protocol;
using Sigil.Worker;
using Sigil.Worker.Native;
using Sigil.Worker.Running;

// The sandboxed worker. Order matters: nothing of the user's app is loaded before the tracker is off, the protocol
// streams are taken, Console is captured and the process's own limits are in place.

// The app's generated module initializer registers its pins with Sigil.Runtime, which would record every call into
// the user's sample log while the tracker is on: never for candidate runs.
Environment.SetEnvironmentVariable("SIGIL_TRACKER", "disabled");

var diagnostics = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
var (input, output, guarded, stdioNote) = StdioGuard.Take();
var capture = new OutputCapture();
Console.SetOut(capture);
Console.SetError(capture);
Console.SetIn(TextReader.Null);

long? nativeAllowance = Environment.GetEnvironmentVariable("SIGIL_WORKER_NATIVE_LIMIT") is { Length: > 0 } text
    && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
var (addressSpaceLimit, notes) = ResourceLimits.Apply(nativeAllowance);
if (stdioNote is not null) notes.Add(stdioNote);
string? execNote = Environment.GetEnvironmentVariable("SIGIL_WORKER_BLOCK_EXEC") == "0" ? "starting programs is allowed (not asked to block it)" : ExecBlocker.TryInstall();
if (execNote is not null) notes.Add(execNote);

var hello = new WorkerHello
{
    ProcessId = Environment.ProcessId,
    Runtime = RuntimeInformation.FrameworkDescription,
    ExecBlocked = execNote is null,
    AddressSpaceLimitBytes = addressSpaceLimit,
    StdioGuarded = guarded,
    Notes = notes,
};

using (input)
using (var buffered = new BufferedStream(output, 1 << 16))
{
    return new WorkerLoop(input, buffered, diagnostics, capture, hello).Run();
}
