using System.Collections.Generic;
using System.Linq;
using Sigil.Generators.Identity;
using Sigil.Generators.Model;

namespace Sigil.Generators.Emit
{
    /// <summary>
    /// Writes one pin's interceptor (PinN_Call, carrying an [InterceptsLocation] per routed call), its tracked slow
    /// path, and the [UnsafeAccessor] externs used when the pin or its eval cannot be called directly.
    /// </summary>
    internal static class PinMethodsEmitter
    {
        private const string CompilerServices = "global::System.Runtime.CompilerServices.";

        public static void Write(CodeWriter w, EmitPin pin)
        {
            var s = pin.Signature;
            var p = pin.Prefix;
            var parameters = Parameters(s, extensionThis: false);
            var arguments = Arguments(s);
            var original = Original(pin);
            var returnType = s.ReturnTypeCode;
            var isVoid = s.ReturnKind == ReturnKind.Void;

            foreach (var call in pin.Calls)
            {
                w.Line(call.Attribute + " // " + call.Display);
            }
            w.Open("internal static " + returnType + " " + p + "_Call(" + Parameters(s, extensionThis: true) + ")");
            w.Open("if (!global::Sigil.Runtime.SigilDispatcher.Active)");
            WriteReturn(w, isVoid, original);
            w.Close();
            if (isVoid)
            {
                w.Line(p + "_Tracked(" + arguments + ");");
            }
            else
            {
                w.Line("return " + p + "_Tracked(" + arguments + ");");
            }
            w.Close();
            w.Line();

            w.Line("[" + CompilerServices + "MethodImpl(" + CompilerServices + "MethodImplOptions.NoInlining)]");
            w.Open("private static " + returnType + " " + p + "_Tracked(" + parameters + ")");
            w.Line("var route = SigilAssembly." + p + "Route;");
            w.Line("var served = route.Served as " + p + "_Impl;");
            w.Open("if (served is not null)");
            w.Line("route.CountServed();");
            w.Close();
            var invoked = Invoked(pin, original, arguments, isVoid);
            w.Line("var tracker = " + p + ".Tracker;");
            w.Open("if (!tracker.Enabled)");
            WriteReturn(w, isVoid, invoked);
            w.Close();
            if (s.IsAsync)
            {
                w.Line("return " + p + "_TrackedAsync(tracker, served" + (arguments.Length > 0 ? ", " + arguments : string.Empty) + ");");
                w.Close();
                w.Line();
                var trackerType = "global::Sigil.Runtime.PinTracker<" + InterceptorEmitter.TrackerTypes(s) + ">";
                w.Open("private static async " + returnType + " " + p + "_TrackedAsync(" + trackerType + " tracker, " + p + "_Impl? served"
                    + (parameters.Length > 0 ? ", " + parameters : string.Empty) + ")");
                WriteTrackedBody(w, pin, "(" + invoked + ").ConfigureAwait(false)", isAwaited: true);
                w.Close();
            }
            else
            {
                WriteTrackedBody(w, pin, invoked, isAwaited: false);
                w.Close();
            }
            WriteAccessors(w, pin);
        }

        private static void WriteReturn(CodeWriter w, bool isVoid, string original)
        {
            if (isVoid)
            {
                w.Line(original + ";");
                w.Line("return;");
            }
            else
            {
                w.Line("return " + original + ";");
            }
        }

        private static void WriteTrackedBody(CodeWriter w, EmitPin pin, string invocation, bool isAwaited)
        {
            var s = pin.Signature;
            var awaitPrefix = isAwaited ? "await " : string.Empty;
            w.Line(InterceptorEmitter.ArgsType(s) + " args = " + InterceptorEmitter.ArgsValue(s) + ";");
            w.Line("var call = tracker.Begin(in args);");
            if (s.HasResult)
            {
                w.Line(s.ResultTypeCode + " result;");
            }
            w.Open("try");
            w.Line((s.HasResult ? "result = " : string.Empty) + awaitPrefix + invocation + ";");
            w.Close();
            w.Open("catch (global::System.Exception ex)");
            w.Line("tracker.Fail(ref call, in args, ex);");
            w.Line("throw;");
            w.Close();
            w.Line("tracker.End(ref call);");
            w.Line("double score;");
            w.Line("global::System.Exception? evalError = null;");
            w.Open("try");
            w.Line("score = " + Score(pin) + ";");
            w.Close();
            w.Open("catch (global::System.Exception ex)");
            w.Line("score = double.NaN;");
            w.Line("evalError = ex;");
            w.Close();
            w.Line("tracker.Record(ref call, in args, " + (s.HasResult ? "result" : "default(global::System.ValueTuple)") + ", score, evalError);");
            if (s.HasResult)
            {
                w.Line("return result;");
            }
        }

        /// <summary>
        /// The call of the served candidate when there is one, else of the baseline. For void pins it is a statement
        /// (if/else without the final semicolon), for the others an expression.
        /// </summary>
        private static string Invoked(EmitPin pin, string original, string arguments, bool isVoid) => isVoid
            ? "if (served is null) " + original + "; else served(" + arguments + ")"
            : "served is null ? " + original + " : served(" + arguments + ")";

        /// <summary>The parameters of a pin's implementation delegate: self first for instance pins, never <c>this</c>.</summary>
        public static string ImplementationParameters(PinSignature s) => Parameters(s, extensionThis: false);

        /// <summary>The direct call of the pin (or of its accessor).</summary>
        private static string Original(EmitPin pin)
        {
            var s = pin.Signature;
            var arguments = string.Join(", ", s.Parameters.Select((_, i) => "arg" + i));
            if (!s.IsAccessible)
            {
                var target = s.IsStatic ? (s.ContainingType.IsValueType && s.ContainingType.CanTypeParameter ? "default" : "null") : "self";
                return pin.Prefix + "_Original(" + target + (arguments.Length > 0 ? ", " + arguments : string.Empty) + ")";
            }
            var name = TypeNames.Identifier(pin.Pin.MethodName);
            return (s.IsStatic ? s.ContainingType.Code : "self") + "." + name + "(" + arguments + ")";
        }

        /// <summary>The eval call converted to a double score.</summary>
        private static string Score(EmitPin pin)
        {
            var s = pin.Signature;
            var e = pin.Eval;
            var values = s.Parameters.Select((p, i) => "arg" + i + (p.IsReferenceType ? "!" : string.Empty)).ToList();
            if (s.HasResult)
            {
                values.Add("result" + (s.ResultIsReferenceType ? "!" : string.Empty));
            }
            var arguments = string.Join(", ", values);
            var call = e.IsAccessible
                ? e.Type.Code + "." + TypeNames.Identifier(e.MethodName) + "(" + arguments + ")"
                : pin.Prefix + "_Eval(" + (e.Type.IsValueType && e.Type.CanTypeParameter ? "default" : "null") + (arguments.Length > 0 ? ", " + arguments : string.Empty) + ")";
            return e.ReturnsBool ? "(" + call + ") ? 1.0 : 0.0" : "(double)" + call;
        }

        private static void WriteAccessors(CodeWriter w, EmitPin pin)
        {
            var s = pin.Signature;
            if (!s.IsAccessible)
            {
                var kind = s.IsStatic ? "StaticMethod" : "Method";
                var target = s.IsStatic ? TargetParameter(s.ContainingType) : s.ContainingType.Code + " self";
                w.Line();
                w.Line("[" + CompilerServices + "UnsafeAccessor(" + CompilerServices + "UnsafeAccessorKind." + kind + ", Name = " + InterceptorEmitter.Literal(pin.Pin.MethodName) + ")]");
                w.Line("private static extern " + s.ReturnTypeCode + " " + pin.Prefix + "_Original(" + target
                    + (s.Parameters.Count > 0 ? ", " + Parameters(s, extensionThis: false, includeSelf: false) : string.Empty) + ");");
            }
            var e = pin.Eval;
            if (!e.IsAccessible)
            {
                var parameters = string.Join(", ", e.ParameterTypeCodes.Select((t, i) => t + " value" + i));
                w.Line();
                w.Line("[" + CompilerServices + "UnsafeAccessor(" + CompilerServices + "UnsafeAccessorKind.StaticMethod, Name = " + InterceptorEmitter.Literal(e.MethodName) + ")]");
                w.Line("private static extern " + e.ReturnTypeCode + " " + pin.Prefix + "_Eval(" + TargetParameter(e.Type)
                    + (parameters.Length > 0 ? ", " + parameters : string.Empty) + ");");
            }
        }

        /// <summary>The type-selecting first parameter of a static [UnsafeAccessor].</summary>
        private static string TargetParameter(TypeReference type)
        {
            if (!type.CanTypeParameter)
            {
                return "[" + CompilerServices + "UnsafeAccessorType(" + InterceptorEmitter.Literal(type.MetadataName) + ")] object? target";
            }
            return type.IsValueType ? type.Code + " target" : type.Code + "? target";
        }

        private static string Parameters(PinSignature s, bool extensionThis, bool includeSelf = true)
        {
            var items = new List<string>();
            if (!s.IsStatic && includeSelf)
            {
                items.Add((extensionThis ? "this " : string.Empty) + s.ContainingType.Code + " self");
            }
            for (var i = 0; i < s.Parameters.Count; i++)
            {
                var thisModifier = extensionThis && s.IsExtension && i == 0 ? "this " : string.Empty;
                items.Add(thisModifier + s.Parameters[i].TypeCode + " arg" + i);
            }
            return string.Join(", ", items);
        }

        /// <summary>Forwarding arguments: self (instance pins) then arg0..argN.</summary>
        private static string Arguments(PinSignature s)
        {
            var items = new List<string>();
            if (!s.IsStatic)
            {
                items.Add("self");
            }
            for (var i = 0; i < s.Parameters.Count; i++)
            {
                items.Add("arg" + i);
            }
            return string.Join(", ", items);
        }
    }
}
