// Preloaded into the benchmarks' Azurite (NODE_OPTIONS=--require, set by RecordsExportBenchmark; bench/README.md,
// "Records export"). Azurite's LokiJS store finds a blob with findOne({accountName, containerName, name, snapshot})
// and a table row with findOne({PartitionKey, RowKey}). LokiJS narrows by the binary index of the query's first key
// only and scans what that leaves: with one account and one container every blob lookup scans every blob, and a row
// lookup scans its partition. This puts first the indexed key whose index leaves the fewest documents (for a blob its
// name; for a row the partition or the row key, whichever is rarer). The query's meaning does not change: its keys
// are ANDed in any order.
"use strict";
const loki = require("lokijs");
const findOne = loki.Collection.prototype.findOne;

loki.Collection.prototype.findOne = function (query) {
  if (query !== null && typeof query === "object" && !Array.isArray(query) && this.adaptiveBinaryIndices === true) {
    let best, fewest = Infinity;
    for (const key of Object.keys(query)) {
      if (this.binaryIndices[key] && query[key] !== null && typeof query[key] !== "object") {
        const [start, end] = this.calculateRange("$eq", key, query[key]);
        if (end - start + 1 < fewest) {
          [best, fewest] = [key, end - start + 1];
        }
      }
    }
    if (best !== undefined && Object.keys(query)[0] !== best) {
      query = { [best]: query[best], ...query };
    }
  }
  return findOne.call(this, query);
};
