using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Ingestion;
using C = ParServerless.Files.Workflow.WorkflowSteps.Containers;

namespace ParServerless.Functions.Triggers;

/// <summary>
/// The six upload containers, each ingested by its blob trigger (Event Grid source: required on Flex Consumption). A rejected
/// file is a normal return with a recorded report; a storage fault throws, so the host retries and finally poisons.
/// </summary>
public sealed class IngestFunctions(IngestionService ingestion)
{
    private const string Storage = "AzureWebJobsStorage";

    /// <summary>Self-assessment (tự đánh giá) uploaded by an agency for its own unit.</summary>
    [Function(nameof(IngestSubmission))]
    public Task IngestSubmission(
        [BlobTrigger(C.Submissions + "/{year}/{unit}/{name}", Connection = Storage, Source = BlobTriggerSource.EventGrid)] BlobClient blob, CancellationToken ct) =>
        ingestion.IngestAsync(blob, ct);

    /// <summary>Explanation (giải trình) of an agency after appraisal round 1.</summary>
    [Function(nameof(IngestExplanation))]
    public Task IngestExplanation(
        [BlobTrigger(C.Explanations + "/{year}/{unit}/{name}", Connection = Storage, Source = BlobTriggerSource.EventGrid)] BlobClient blob, CancellationToken ct) =>
        ingestion.IngestAsync(blob, ct);

    /// <summary>Appraisal (thẩm định) of the council, round 1 or 2.</summary>
    [Function(nameof(IngestAppraisal))]
    public Task IngestAppraisal(
        [BlobTrigger(C.Appraisals + "/{year}/{round}/{name}", Connection = Storage, Source = BlobTriggerSource.EventGrid)] BlobClient blob, CancellationToken ct) =>
        ingestion.IngestAsync(blob, ct);

    /// <summary>Survey and satisfaction points (điều tra xã hội học, SIPAS).</summary>
    [Function(nameof(IngestSurvey))]
    public Task IngestSurvey(
        [BlobTrigger(C.Surveys + "/{year}/{name}", Connection = Storage, Source = BlobTriggerSource.EventGrid)] BlobClient blob, CancellationToken ct) =>
        ingestion.IngestAsync(blob, ct);

    /// <summary>Bonus and penalty points (điểm thưởng, điểm trừ).</summary>
    [Function(nameof(IngestAdjustment))]
    public Task IngestAdjustment(
        [BlobTrigger(C.Adjustments + "/{year}/{name}", Connection = Storage, Source = BlobTriggerSource.EventGrid)] BlobClient blob, CancellationToken ct) =>
        ingestion.IngestAsync(blob, ct);

    /// <summary>An earlier year's published table (kết quả đã công bố), for year over year.</summary>
    [Function(nameof(IngestHistory))]
    public Task IngestHistory(
        [BlobTrigger(C.History + "/{year}/{name}", Connection = Storage, Source = BlobTriggerSource.EventGrid)] BlobClient blob, CancellationToken ct) =>
        ingestion.IngestAsync(blob, ct);
}
