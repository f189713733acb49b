using System.Globalization;

namespace Sigil.Manifests.Canonical;

/// <summary>
/// Formats a double exactly as ECMAScript's <c>Number.prototype.toString()</c> (ECMA-262 §6.1.6.1.20), which RFC 8785
/// §3.2.2.3 mandates: the shortest digit string that round-trips; plain notation for decimal exponents in
/// [-6, 21), exponent notation (<c>1e+21</c>, <c>1e-7</c>) outside; <c>-0</c> written as <c>0</c>.
/// </summary>
public static class EcmaScriptNumber
{
    /// <summary>The ECMAScript text of <paramref name="value"/>; throws <see cref="CanonicalJsonException"/> for NaN or an infinity.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new CanonicalJsonException(
                $"the number {value.ToString(CultureInfo.InvariantCulture)} has no JSON form; use a finite value.");
        }
        if (value == 0)
        {
            return "0";
        }
        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var text = Layout(digits, pointPosition);
        return value < 0 ? "-" + text : text;
    }

    /// <summary>
    /// The shortest round-trip digits d1..dk (no leading or trailing zeros) and n such that the value is
    /// 0.d1..dk × 10^n. .NET's "R" format is the shortest round-trip form closest to the exact value (as ECMAScript
    /// requires); only its layout differs, so it is re-laid out here.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(double magnitude)
    {
        var text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? "" : mantissa[(dot + 1)..];
        var digits = integerPart + fraction;
        var pointPosition = integerPart.Length + exponent;
        var leadingZeros = 0;
        while (digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        return (digits[leadingZeros..].TrimEnd('0'), pointPosition - leadingZeros);
    }

    private static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }
        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }
}
