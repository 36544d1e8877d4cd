export function BowtieSheet() {
  return <div className="sheet">BowtieSheet</div>;
}
