export function CohortsSheet() {
  return <div className="sheet">CohortsSheet</div>;
}
