namespace Sigil.Runtime.Resolution;

/// <summary>When the resolver makes its decision (see <see cref="ResolverSettings.Timing"/>).</summary>
public enum ResolveTiming
{
    /// <summary>
    /// On a background thread: start-up is not held up by the verification; pins run their baselines until the
    /// manifest checks out, then every pin the decision covers switches in one pass (the default).
    /// </summary>
    Background,

    /// <summary>
    /// In the module initializer, before the app's first line runs: every call is served as decided, at the price of
    /// the verification's time at start-up (about 100 ms in a fresh process). For short-lived tools and batch jobs.
    /// </summary>
    Startup,
}
