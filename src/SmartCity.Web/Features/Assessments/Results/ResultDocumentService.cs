using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins.Export;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>The result letter (.docx) of a regency in a finalised round, and the results of a round as .xlsx.</summary>
public sealed class ResultDocumentService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ResultsService results, IStringLocalizer<SharedResource> l)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The letter of <paramref name="regencyCode"/>; null when the round or regency is unknown, not a participant or not finalised.
    /// Regency users get only their own regency's letter (AccessDeniedException otherwise).</summary>
    public async Task<ExportFile?> LetterAsync(int roundId, string regencyCode, CancellationToken ct = default)
    {
        access.EnsureSignedIn("result letters");
        int regencyId;
        LetterSettings settings;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var id = await db.Regencies.AsNoTracking().Where(r => r.Code == regencyCode).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
            if (id is null)
            {
                return null;
            }

            regencyId = id.Value;
            access.EnsureCanRead(regencyId, "result letter");
            var values = await db.Settings.AsNoTracking()
                .Where(s => s.Key == SettingKeys.LetterheadText || s.Key == SettingKeys.MinistryName || s.Key == SettingKeys.SignatoryName
                    || s.Key == SettingKeys.SignatoryNip || s.Key == SettingKeys.SignatoryPosition)
                .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
            settings = new LetterSettings(
                values.GetValueOrDefault(SettingKeys.LetterheadText, ""), values.GetValueOrDefault(SettingKeys.MinistryName, ""),
                values.GetValueOrDefault(SettingKeys.SignatoryName, ""), values.GetValueOrDefault(SettingKeys.SignatoryNip, ""),
                values.GetValueOrDefault(SettingKeys.SignatoryPosition, ""));
        }

        RoundResults? round;
        try
        {
            round = await results.ComputeAsync(roundId, ct);
        }
        catch (AccessDeniedException) when (access.OwnRegencyId == regencyId)
        {
            return null; // their own regency does not take part in this round
        }

        var participant = round?.Participants.SingleOrDefault(p => p.RegencyId == regencyId);
        if (round is null || participant is null || !round.IsFinalised)
        {
            return null;
        }

        return new ExportFile(
            ResultLetter.FileName(participant.RegencyCode, round.Round.Year), ResultLetter.ContentType,
            new ResultLetter(l).Write(round, participant, settings));
    }

    /// <summary>Every participant's result as one .xlsx sheet (national roles); null for an unknown round.</summary>
    public async Task<ExportFile?> ExportAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureNational($"results export of round {roundId}");
        var round = await results.ComputeAsync(roundId, ct);
        if (round is null)
        {
            return null;
        }

        List<ExportColumn> columns =
        [
            new(l["Results.RegencyCode"], 10), new(l["Results.Regency"], 30), new(l["Results.Province"], 24), new(l["Results.Index"], 10),
            new(l["Results.Band"], 14), new(l["Results.NationalRank"], 12), new(l["Results.ProvincialRank"], 12), new(l["Results.Change"], 10),
            .. round.Criteria.Select(c => new ExportColumn(c.Name(Components.Shared.Format.IsEnglish), 14)),
            .. round.Dimensions.Select(d => new ExportColumn(d.Name(Components.Shared.Format.IsEnglish), 14)),
            new(l["Results.LetterNumber"], 24), new(l["Results.LetterDate"], 14),
        ];
        using var workbook = new XlsxWorkbookWriter();
        using (var sheet = workbook.AddSheet(l["Results.Sheet"], columns))
        {
            foreach (var p in round.Participants.OrderBy(p => p.NationalRank ?? int.MaxValue).ThenBy(p => p.RegencyCode, StringComparer.Ordinal))
            {
                sheet.Plain(p.RegencyCode);
                sheet.Text(p.RegencyName);
                sheet.Text(p.ProvinceName);
                sheet.Number(p.Index, NumberKind.Decimal);
                sheet.Text(p.Band);
                sheet.Number(p.NationalRank, NumberKind.Integer);
                sheet.Number(p.ProvincialRank, NumberKind.Integer);
                sheet.Number(p.Change, NumberKind.Decimal);
                foreach (var c in p.Criteria)
                {
                    sheet.Number(c.Score, NumberKind.Decimal);
                }

                foreach (var d in p.Dimensions)
                {
                    sheet.Number(d.Score, NumberKind.Decimal);
                }

                sheet.Plain(p.LetterNumber);
                sheet.Date(p.LetterDate);
                sheet.EndRow();
            }
        }

        return new ExportFile($"hasil-penilaian-{round.Round.Id}-{round.Round.Year}.xlsx", XlsxContentType, workbook.Complete());
    }
}
