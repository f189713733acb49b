namespace Sigil.Optimizers.Strategies.Bandit;

/// <summary>What the bandit knows of one arm: how often it was pulled and the rewards it earned.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Pulls">Trials made with it.</param>
/// <param name="RewardSum">The sum of its rewards (log-fitness gain per USD).</param>
/// <param name="BestReward">Its largest single reward.</param>
public sealed record ArmStatistics(GeneratorArm Arm, int Pulls, double RewardSum, double BestReward)
{
    /// <summary>The mean reward; 0 before the first pull.</summary>
    public double MeanReward => Pulls == 0 ? 0 : RewardSum / Pulls;

    /// <summary>These statistics after one more pull earning <paramref name="reward"/>.</summary>
    public ArmStatistics With(double reward) => this with
    {
        Pulls = Pulls + 1,
        RewardSum = RewardSum + reward,
        BestReward = Math.Max(BestReward, reward),
    };
}
