namespace SmartCity.Domain.Common;

/// <summary>Maximum text lengths, shared by the database columns and the validators.</summary>
public static class TextLimits
{
    public const int Code = 20;
    public const int ShortName = 60;
    public const int Name = 200;
    public const int Reference = 300;
    public const int Note = 2000;
    public const int Text = 8000;
    public const int LongText = 20000;
    public const int FileName = 255;
    public const int ContentType = 100;
    public const int UserId = 450;
}
