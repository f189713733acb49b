using System.Collections.Generic;
using Sigil.Generators.Model;

namespace Sigil.Generators.Emit
{
    /// <summary>A valid pin ready for emission (index N names Pin{N}).</summary>
    internal sealed class EmitPin
    {
        public EmitPin(int index, PinModel pin, PinSignature signature, EvalModel eval, string functionId, string sourceFile, IReadOnlyList<CallSiteModel> calls)
        {
            Index = index;
            Pin = pin;
            Signature = signature;
            Eval = eval;
            FunctionId = functionId;
            SourceFile = sourceFile;
            Calls = calls;
        }

        public int Index { get; }

        public PinModel Pin { get; }

        public PinSignature Signature { get; }

        public EvalModel Eval { get; }

        public string FunctionId { get; }

        public string SourceFile { get; }

        public IReadOnlyList<CallSiteModel> Calls { get; }

        public string Prefix => "Pin" + Index;
    }
}
