export function MetricsSheet() {
  return <div className="sheet">MetricsSheet</div>;
}
