# SPDX-License-Identifier: MPL-2.0
"""The demo municipality: a deterministic, clearly synthetic data set for trying Småjob.

``smaajob demo`` (``smaajob.cli.demo``) calls ``smaajob.demo.loader.load_demo``. The
package sits between the entry points and the domain apps: it writes through the domain
services (small size) or builds the same validated rows in bulk (municipality size).

* ``trajectories`` — the real course shapes from the seeds, as plain data;
* ``identifiers`` — synthetic CPR and CVR numbers that validate;
* ``companies`` / ``citizens`` — who the municipality's companies and citizens are;
* ``schedule`` — turns a trajectory and a start date into dated, validated events;
* ``writers`` — puts the plan into the database (services or bulk);
* ``loader`` — orchestrates, sizes, users, reset.
"""
