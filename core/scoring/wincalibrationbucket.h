#pragma once

// One row of a calibration table: a tenth of the hold-out leads, by predicted probability, and
// how often they were really won. A well-calibrated model has meanPredicted close to winRate.
struct WinCalibrationBucket {
    int count = 0;
    double lowest = 0.0;  // the smallest predicted probability in the bucket
    double highest = 0.0; // the largest
    double meanPredicted = 0.0;
    double winRate = 0.0;
};
