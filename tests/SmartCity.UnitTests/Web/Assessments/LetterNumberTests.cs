using SmartCity.Web.Features.Assessments;

namespace SmartCity.UnitTests.Web.Assessments;

public class LetterNumberTests
{
    [Theory]
    [InlineData("{seq}/SC/{code}/{year}", 7, "007/SC/33.20/2025")]
    [InlineData("B-{seq}/DJAI/{year}", 123, "B-123/DJAI/2025")]
    [InlineData("{seq}", 1000, "1000")]
    public void Letter_number_fills_the_configured_format(string format, int sequence, string expected)
    {
        Assert.Equal(expected, FinaliseService.LetterNumber(format, sequence, 2025, "33.20"));
    }
}
