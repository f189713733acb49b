using Sigil.Optimizers.Generators.Budget;

namespace Sigil.Optimizers.Tests.Generators.Budget;

[TestClass]
public sealed class PriceTableTests
{
    private static readonly PriceTable Table = new([new("gpt-4o", new ModelPrice(2.5m, 10m)), new("gpt-4o-mini", new ModelPrice(0.15m, 0.6m))]);

    [TestMethod]
    [DataRow("gpt-4o", 2.5)]
    [DataRow("GPT-4O", 2.5)]
    [DataRow("gpt-4o-2024-08-06", 2.5)]
    [DataRow("gpt-4o-mini-2024-07-18", 0.15)]
    [DataRow("openai/gpt-4o-mini", 0.15)]
    public void Find_ListedOrDatedOrPrefixedName_FindsThePrice(string model, double input) =>
        Assert.AreEqual((decimal)input, Table.Find(model)!.InputPerMillion);

    [TestMethod]
    [DataRow("llama-3")]
    [DataRow("gpt-4")]
    [DataRow("")]
    public void Find_UnknownModel_IsNull(string model) => Assert.IsNull(Table.Find(model));

    [TestMethod]
    public void Cost_Tokens_IsPricePerMillion() =>
        Assert.AreEqual(0.0125m, new ModelPrice(2.5m, 10m).Cost(1000, 1000));
}
