using System.Numerics;

namespace SmartCity.Domain.Common;

/// <summary>
/// An exact rational number, so that means of cells (thirds, sixths, twelfths) lose nothing before the one
/// rounding of an index: 307.5 ÷ 100 is exactly 3.075 and rounds to 3.08, never 3.07.
/// </summary>
public readonly record struct Fraction
{
    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        var sign = denominator.Sign;
        Numerator = sign * numerator / gcd;
        Denominator = sign * denominator / gcd;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Zero => new(0, 1);

    public static Fraction FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return new Fraction(value < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    public static implicit operator Fraction(decimal value) => FromDecimal(value);

    public static Fraction operator +(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator >(Fraction a, Fraction b) => a.Numerator * b.Denominator > b.Numerator * a.Denominator;

    public static bool operator <(Fraction a, Fraction b) => a.Numerator * b.Denominator < b.Numerator * a.Denominator;

    public static Fraction Add(Fraction a, Fraction b) => a + b;

    public static Fraction Subtract(Fraction a, Fraction b) => a - b;

    public static Fraction Multiply(Fraction a, Fraction b) => a * b;

    public static Fraction Divide(Fraction a, Fraction b) => a / b;

    /// <summary>The mean of the values, exactly.</summary>
    public static Fraction Mean(IEnumerable<Fraction> values)
    {
        var sum = Zero;
        var count = 0;
        foreach (var value in values)
        {
            sum += value;
            count++;
        }

        return count == 0 ? throw new ArgumentException("The mean of nothing is undefined.", nameof(values)) : sum / count;
    }

    /// <summary>Rounds half away from zero to <paramref name="decimals"/> places, the portal's one rounding rule.</summary>
    public decimal Round(int decimals = 2)
    {
        var scale = BigInteger.Pow(10, decimals);
        var magnitude = ((2 * BigInteger.Abs(Numerator) * scale) + Denominator) / (2 * Denominator);
        return (decimal)(Numerator.Sign < 0 ? -magnitude : magnitude) / (decimal)scale;
    }

    /// <summary>The nearest decimal (28 significant digits), for display and storage of non-rounded values.</summary>
    public decimal ToDecimal() => (decimal)Numerator / (decimal)Denominator;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
