using Sigil;

[assembly: Spec("fixture", Description = "Tracker process tests", StoreRawInputs = true)]

namespace TrackedApp;

public static class Pins
{
    [Improve("fixture", Eval = nameof(Score), Workspace = "t1")]
    public static long Next(long i) => i + 1;

    public static double Score(long i, long next) => next - i;

    [Improve("fixture", Eval = nameof(Accepted), Workspace = "t1")]
    public static bool Login(string user, [Sensitive] string password) => password.Length > 8 && user.Length > 0;

    public static bool Accepted(string user, string password, bool ok) => ok;
}
