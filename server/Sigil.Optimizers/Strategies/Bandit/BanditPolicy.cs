namespace Sigil.Optimizers.Strategies.Bandit;

/// <summary>How the <c>rl</c> optimizer chooses among arms that have all been tried once.</summary>
public enum BanditPolicy
{
    /// <summary>UCB1: the highest normalized mean reward plus <c>c·√(ln t / n)</c>.</summary>
    Ucb1 = 1,

    /// <summary>Thompson sampling: the highest draw from each arm's Beta posterior over its normalized reward (seeded).</summary>
    Thompson = 2,
}
